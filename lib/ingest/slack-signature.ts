import { createHmac, timingSafeEqual } from "node:crypto";
import { readHeader } from "./signatures";
import type { RawDelivery, VerifyResult } from "./types";

/** Slack refuses to replay requests older than this, and so do we (a captured request cannot be resent later). */
const MAX_AGE_SECONDS = 5 * 60;
const SIGNATURE = /^v0=([0-9a-f]{64})$/i;

function fail(reason: string): VerifyResult {
  return { ok: false, reason };
}

/** What Slack signs: `v0:{timestamp}:{raw body}`, HMAC-SHA256 with the app's signing secret. */
function slackSignature(timestamp: string, body: Uint8Array | string, signingSecret: string): Buffer {
  return createHmac("sha256", signingSecret).update(`v0:${timestamp}:`).update(body).digest();
}

/**
 * Verifies a request from Slack (events, slash commands, interactivity) over its RAW body:
 * `X-Slack-Signature: v0=<hex>` against `X-Slack-Request-Timestamp`, which must be within
 * five minutes of when we received it (either way: a clock ahead is as suspect as one
 * behind). The body is never re-encoded: a form body decoded and encoded again is a
 * different body.
 */
export function verifySlackRequest(raw: RawDelivery, signingSecret: string): VerifyResult {
  if (signingSecret.length === 0) return fail("the Slack integration has no signing secret configured");
  const timestamp = readHeader(raw.headers, "x-slack-request-timestamp")?.trim();
  if (!timestamp) return fail("missing X-Slack-Request-Timestamp header");
  if (!/^\d{1,12}$/.test(timestamp)) return fail("X-Slack-Request-Timestamp is not a Unix time in seconds");
  const age = Math.abs(raw.receivedAt.getTime() / 1000 - Number(timestamp));
  if (age > MAX_AGE_SECONDS) return fail("X-Slack-Request-Timestamp is more than 5 minutes from now (stale or replayed request)");
  const header = readHeader(raw.headers, "x-slack-signature")?.trim();
  if (!header) return fail("missing X-Slack-Signature header");
  const match = SIGNATURE.exec(header);
  if (!match) return fail("X-Slack-Signature is not a v0=<hex> HMAC-SHA256 signature");
  const expected = slackSignature(timestamp, raw.body, signingSecret);
  return timingSafeEqual(Buffer.from(match[1]!, "hex"), expected) ? { ok: true } : fail("signature does not match");
}

/** The headers Slack would send with `body` at `timestamp` (seconds); for tests and the benchmark. */
export function signSlackRequest(body: Uint8Array | string, signingSecret: string, timestamp: number): Record<string, string> {
  const ts = String(timestamp);
  return { "x-slack-request-timestamp": ts, "x-slack-signature": `v0=${slackSignature(ts, body, signingSecret).toString("hex")}` };
}
