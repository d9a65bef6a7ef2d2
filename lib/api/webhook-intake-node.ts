import type { IncomingMessage, ServerResponse } from "node:http";
import { apiSecurityHeaders } from "@/lib/auth/security-headers";
import { HttpError, MAX_BODY_BYTES } from "./http";
import { answerDelivery } from "./webhook-intake";

const INGEST_PATH = /^\/api\/ingest\/([A-Za-z0-9_-]{1,100})\/?(?:\?.*)?$/;

/** The API's security headers (next.config.ts sends them on the Next route), computed once. */
const SECURITY_HEADERS: Record<string, string> = Object.fromEntries(apiSecurityHeaders().map((h) => [h.key.toLowerCase(), h.value]));

/** The body's exact bytes from a Node request, refusing more than `limit` (413). */
function readNodeBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const tooLarge = () => new HttpError(413, "payload_too_large", `The body is over the ${limit}-byte limit.`);
  if (Number(req.headers["content-length"] ?? "0") > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Webhook deliveries answered by the Node server itself, before Next.js: the same intake
 * (lib/api/webhook-intake.ts), without the router, the app-route runtime and the web-stream
 * conversions, which were over a third of the server's CPU per delivery under load
 * (`npm run bench:ingest`). Answers true when it took the request; anything but a POST to
 * /api/ingest/<id> is left to Next.js.
 */
export function serveWebhookIntake(req: IncomingMessage, res: ServerResponse, onError: (err: unknown) => void): boolean {
  if (req.method !== "POST") return false;
  const match = INGEST_PATH.exec(req.url ?? "");
  if (!match) return false;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  void answerDelivery(match[1]!, headers, () => readNodeBody(req), { method: "POST", url: req.url ?? "" })
    .then(async (response) => {
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, { ...SECURITY_HEADERS, ...Object.fromEntries(response.headers), "content-length": String(body.byteLength) });
      res.end(body);
    })
    .catch((err: unknown) => {
      onError(err);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS).end("Internal Server Error");
    });
  return true;
}
