import { describe, expect, it } from "vitest";
import { CHECKPOINT_EVERY, checkpointSigner, isCheckpointRow, verifyCheckpointSignature } from "@/lib/core/audit-checkpoint-signature";

const HASH = "ab".repeat(32);

describe("signed audit checkpoints", () => {
  it("are Ed25519 signatures over organisation, seq and hash, checked with the public key", () => {
    const signer = checkpointSigner("server-secret-0123456789-abcdefghij");
    const signature = signer.sign("org-1", 1000, HASH);
    expect(verifyCheckpointSignature(signer.publicKey, "org-1", { seq: 1000, hash: HASH, signature })).toBe(true);
    expect(verifyCheckpointSignature(signer.publicKey, "org-2", { seq: 1000, hash: HASH, signature })).toBe(false);
    expect(verifyCheckpointSignature(signer.publicKey, "org-1", { seq: 999, hash: HASH, signature })).toBe(false);
  });

  it("come from a key derived from the server secret: the same secret, the same key", () => {
    expect(checkpointSigner("secret-a-0123456789").publicKey).toBe(checkpointSigner("secret-a-0123456789").publicKey);
    const other = checkpointSigner("secret-b-0123456789");
    const signature = checkpointSigner("secret-a-0123456789").sign("org-1", 1, HASH);
    expect(verifyCheckpointSignature(other.publicKey, "org-1", { seq: 1, hash: HASH, signature })).toBe(false);
  });

  it("are placed every thousandth row and at the last", () => {
    expect(isCheckpointRow(CHECKPOINT_EVERY, false)).toBe(true);
    expect(isCheckpointRow(2 * CHECKPOINT_EVERY, false)).toBe(true);
    expect(isCheckpointRow(CHECKPOINT_EVERY + 1, false)).toBe(false);
    expect(isCheckpointRow(7, true)).toBe(true);
  });
});
