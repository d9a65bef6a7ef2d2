import { randomBytes } from "node:crypto";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";

/** Secrets are random, long, and URL-safe so they paste cleanly into any sender's config. */
export function generateIntegrationSecret(): string {
  return randomBytes(32).toString("base64url");
}

function serverKey(): string {
  const key = process.env.BETTER_AUTH_SECRET;
  if (!key) throw new Error("BETTER_AUTH_SECRET is not set; server.ts sets it at start.");
  return key;
}

// HMAC verification needs the secret itself, so it is stored encrypted (not hashed) under
// the server's key.
export function encryptIntegrationSecret(secret: string): Promise<string> {
  return symmetricEncrypt({ key: serverKey(), data: secret });
}

export function decryptIntegrationSecret(encrypted: string): Promise<string> {
  return symmetricDecrypt({ key: serverKey(), data: encrypted });
}
