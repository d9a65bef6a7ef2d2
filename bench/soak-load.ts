/**
 * Load for the fault and memory benchmarks (bench/faults.ts, bench/memory-soak.ts), over HTTP
 * against a running server with the demo organisation: sign in as the demo admin, create the
 * integrations deliveries are signed for, and send each delivery with a deadline, so that a
 * request that hangs is counted as hanging instead of stalling the benchmark.
 */
import { request, type Agent } from "node:http";
import { DEMO_LOGIN } from "@/lib/platform/demo-login";
import type { BenchSecrets, SignedDelivery } from "./ingest-deliveries";

export interface DemoSession {
  baseUrl: string;
  cookie: string;
  ids: Record<keyof BenchSecrets, string>;
  secrets: BenchSecrets;
}

/** Signs in as the demo admin and creates one integration of each kind `makeDelivery` sends. */
export async function prepareDemoSession(baseUrl: string): Promise<DemoSession> {
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(DEMO_LOGIN),
  });
  if (!signIn.ok) throw new Error(`Sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const ids = {} as DemoSession["ids"];
  const secrets = {} as BenchSecrets;
  for (const kind of ["alertmanager", "github", "flux"] as const) {
    const res = await fetch(`${baseUrl}/api/v1/integrations`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, cookie },
      body: JSON.stringify({ kind, name: `bench ${kind} ${Date.now()}` }),
    });
    if (res.status !== 201) throw new Error(`Creating the ${kind} integration answered ${res.status}: ${await res.text()}`);
    const created = (await res.json()) as { id: string; secret: string };
    ids[kind] = created.id;
    secrets[kind] = created.secret;
  }
  return { baseUrl, cookie, ids, secrets };
}

export interface Answer {
  /** The HTTP status, or "hung" when no answer came within the deadline, or "error" when the connection failed. */
  status: number | "hung" | "error";
  ms: number;
  retryAfter?: string;
}

/** One request with a deadline; the body is read and dropped. */
export function timedRequest(agent: Agent, url: string, options: { method?: string; headers?: Record<string, string | number>; body?: string; deadlineMs: number }): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: Answer["status"], retryAfter?: string) => resolve({ status, ms: performance.now() - started, retryAfter });
    const req = request(url, { method: options.method ?? "GET", agent, headers: options.headers, timeout: options.deadlineMs }, (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode ?? 0, res.headers["retry-after"]));
      res.on("error", () => done("error"));
    });
    req.on("timeout", () => {
      req.destroy();
      done("hung");
    });
    req.on("error", () => done("error"));
    req.end(options.body);
  });
}

/** Sends one signed delivery to its integration. */
export function sendDelivery(agent: Agent, session: DemoSession, delivery: SignedDelivery, deadlineMs: number): Promise<Answer> {
  const body = Buffer.byteLength(delivery.body);
  return timedRequest(agent, `${session.baseUrl}/api/ingest/${session.ids[delivery.integration]}`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": body, ...delivery.headers },
    body: delivery.body,
    deadlineMs,
  });
}
