import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * SHA-256 over RFC 8785 canonical JSON: JSONB does not keep key order, so hashing the
 * stored document directly would not be reproducible.
 */
export function contentSha256(content: unknown): string {
  const canonical = canonicalize(JSON.parse(JSON.stringify(content)));
  if (canonical === undefined) throw new Error("content cannot be canonicalised");
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

export function bytesSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
