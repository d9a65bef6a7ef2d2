import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from "node:crypto";

/**
 * Signed checkpoints of the audit chain, carried in every export: the signature over a row's
 * seq and hash vouches for every row up to it, because each hash covers the one before.
 * An auditor who keeps an export can later prove that rows were rewritten or removed, even by
 * someone who recomputed the (unkeyed) chain and its checkpoint table.
 *
 * Ed25519 rather than an HMAC: checking an HMAC takes the server's secret, which would also
 * let every auditor forge checkpoints; an Ed25519 signature is checked with the public key
 * alone. The key pair is derived from the server secret (HKDF), so there is no second secret
 * to store, back up or rotate separately, and every instance signs with the same key.
 */
export const CHECKPOINT_EVERY = 1000;

export const CHECKPOINT_ALGORITHM = "Ed25519";

/** PKCS #8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export interface CheckpointSigner {
  /** The public key, DER (SPKI) in base64, to give auditors. */
  publicKey: string;
  sign(organizationId: string, seq: number, hash: string): string;
}

function message(organizationId: string, seq: number, hash: string): Buffer {
  return Buffer.from(`logbook audit checkpoint v1\n${organizationId}\n${seq}\n${hash}`, "utf8");
}

export function checkpointSigner(serverSecret: string): CheckpointSigner {
  const seed = Buffer.from(hkdfSync("sha256", serverSecret, "logbook", "audit checkpoint signing key", 32));
  const privateKey: KeyObject = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey).export({ format: "der", type: "spki" }).toString("base64");
  return {
    publicKey,
    sign: (organizationId, seq, hash) => sign(null, message(organizationId, seq, hash), privateKey).toString("base64"),
  };
}

export function verifyCheckpointSignature(publicKey: string, organizationId: string, checkpoint: { seq: number; hash: string; signature: string }): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
  return verify(null, message(organizationId, checkpoint.seq, checkpoint.hash), key, Buffer.from(checkpoint.signature, "base64"));
}

/** Which rows of an export carry a signed checkpoint: every CHECKPOINT_EVERY-th seq, and the last row. */
export function isCheckpointRow(seq: number, isLast: boolean): boolean {
  return isLast || seq % CHECKPOINT_EVERY === 0;
}
