import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, TEST_PASSWORD, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import { stampClientAddress } from "@/lib/auth/client-address";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import { BASE_URL } from "./route-request";

// Over a real socket, the way server.ts hands requests on: the client's address comes from
// the socket, and forwarding headers count only from LOGBOOK_TRUSTED_PROXIES.
let database: TestDatabase;
let org: TestOrganization;
let server: Server;
let base: string;

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return new Request(`${BASE_URL}${req.url}`, { method: req.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined });
}

beforeAll(async () => {
  // better-auth limits sign-in only in production (dev and tests sign in a lot).
  vi.stubEnv("NODE_ENV", "production");
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "addressed");
  server = createServer((req, res) => {
    stampClientAddress(req);
    const handler = req.url!.startsWith("/api/auth/") ? authRoute.POST : teamsRoute.POST;
    void toRequest(req)
      .then((request) => handler(request, { params: Promise.resolve({}) }))
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
  await database.destroy();
});

const signIn = (forwardedFor: string) =>
  fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL, "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email: org.users.viewer.email, password: `${TEST_PASSWORD}-wrong` }),
  });

let teams = 0;
async function auditedIp(headers: Record<string, string>): Promise<string | null> {
  const slug = `team-${++teams}`;
  const answer = await fetch(`${base}/api/v1/teams`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${org.keys.admin}`, ...headers },
    body: JSON.stringify({ slug, name: slug }),
  });
  expect(answer.status).toBe(201);
  const [row] = await database.rows<{ ip: string | null }>(
    "SELECT ip FROM audit_log WHERE organization_id = $1 AND action = 'team.created' ORDER BY seq DESC LIMIT 1",
    [org.id],
  );
  return row!.ip;
}

describe("the client's address", () => {
  it("keeps the sign-in rate limit when every attempt claims another X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) statuses.push((await signIn(`203.0.113.${attempt}`)).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
  });

  it("in the audit trail is the socket's peer, not what X-Forwarded-For, X-Real-IP or our own header claim", async () => {
    expect(await auditedIp({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10", "x-logbook-client-address": "203.0.113.11" })).toBe("127.0.0.1");
  });

  it("is the forwarded client when the peer is a trusted proxy", async () => {
    vi.stubEnv("LOGBOOK_TRUSTED_PROXIES", "127.0.0.0/8");
    expect(await auditedIp({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" })).toBe("203.0.113.9");
    expect(await auditedIp({ "x-real-ip": "203.0.113.10" })).toBe("203.0.113.10");
    vi.stubEnv("LOGBOOK_TRUSTED_PROXIES", "10.0.0.0/8");
    expect(await auditedIp({ "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.1");
  });
});
