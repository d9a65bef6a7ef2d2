import { createHash } from "node:crypto";

/** sha256 of the raw bytes: the dedup key for senders that give a delivery no id of its own. */
export function contentHash(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

/**
 * An alert's identity when the sender sends no fingerprint: the same label set gives the
 * same fingerprint whatever the key order, so firing and resolved notifications pair up.
 */
export function labelFingerprint(labels: Record<string, string>): string {
  const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex").slice(0, 16);
}
