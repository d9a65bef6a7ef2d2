import { createHash } from "node:crypto";

export const API_KEY_PREFIX = "lbk_";

/** SHA-256 suffices: keys carry 256 random bits, so there is nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
