import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { VerifyResult } from "./types";

const OK: VerifyResult = { ok: true };

function fail(reason: string): VerifyResult {
  return { ok: false, reason };
}

/**
 * Header lookup by name. RawDelivery promises lower-cased names, but a caller that forgets
 * must not turn a signed delivery into "missing header", so fall back to a scan.
 */
export function readHeader(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (Object.hasOwn(headers, lower)) return headers[lower];
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * Compares two secrets without leaking where they differ. timingSafeEqual needs equal
 * lengths, so compare fixed-length digests: the token's length stays private too.
 */
function secretsEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** `Authorization: Bearer <secret>` (Alertmanager, Grafana, Argo CD, generic). */
export function verifyBearer(headers: Record<string, string>, secret: string): VerifyResult {
  // An empty secret would let anyone in with "Bearer " — fail closed instead.
  if (secret.length === 0) return fail("the integration has no secret configured");
  const header = readHeader(headers, "authorization");
  if (header === undefined || header.trim() === "") return fail("missing Authorization header");
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return fail("Authorization header is not a Bearer token");
  return secretsEqual(match[1]!, secret) ? OK : fail("bearer token does not match");
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export interface HmacOptions {
  /** PagerDuty sends several comma-separated signatures while a secret is being rotated; any match passes. */
  list?: boolean;
}

/**
 * HMAC-SHA256 of the RAW body bytes, hex-encoded after `prefix` in `headerName` (GitHub:
 * X-Hub-Signature-256 `sha256=`, Flux generic-hmac: X-Signature `sha256=`, PagerDuty:
 * X-PagerDuty-Signature `v1=`). The body is never re-serialised: any difference in
 * whitespace or key order is a different body and must fail.
 */
export function verifyHmacSha256(
  headers: Record<string, string>,
  headerName: string,
  prefix: string,
  body: Uint8Array,
  secret: string,
  options: HmacOptions = {},
): VerifyResult {
  if (secret.length === 0) return fail("the integration has no secret configured");
  const header = readHeader(headers, headerName);
  if (header === undefined || header.trim() === "") return fail(`missing ${headerName} header`);

  const candidates = (options.list ? header.split(",") : [header]).map((part) => part.trim()).filter((part) => part !== "");
  const prefixed = candidates.filter((part) => part.toLowerCase().startsWith(prefix.toLowerCase()));
  if (prefixed.length === 0) return fail(`${headerName} header has no ${prefix}<hex> signature`);

  const signatures = prefixed.map((part) => part.slice(prefix.length)).filter((hex) => HEX_SHA256.test(hex));
  if (signatures.length === 0) return fail(`${headerName} header is not a hex HMAC-SHA256 signature`);

  const expected = createHmac("sha256", secret).update(body).digest();
  // Check every candidate so the time taken does not depend on which one matched.
  let matched = false;
  for (const hex of signatures) {
    if (timingSafeEqual(Buffer.from(hex, "hex"), expected)) matched = true;
  }
  return matched ? OK : fail("signature does not match");
}

/** The hex HMAC-SHA256 a sender would put after its prefix; for tests and for showing setup examples. */
export function hmacSha256Hex(body: Uint8Array | string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}
