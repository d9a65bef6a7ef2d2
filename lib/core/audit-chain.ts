import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/** The chain starts from this value for every organisation. */
export const GENESIS_HASH = "0".repeat(64);

/** What a row's hash covers: everything but the hash itself. */
export interface AuditContent {
  organizationId: string;
  seq: number;
  at: string; // ISO 8601, millisecond precision, UTC
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

/**
 * SHA-256 over the previous hash and the row's RFC 8785 canonical JSON, so that key order
 * (which JSONB does not keep) cannot change the result.
 */
export function hashAuditEntry(prevHash: string, content: AuditContent): string {
  // Pick the fields by name: callers may pass a whole row, hash columns included.
  const covered: AuditContent = {
    organizationId: content.organizationId,
    seq: content.seq,
    at: content.at,
    actorType: content.actorType,
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    targetType: content.targetType,
    targetId: content.targetId,
    before: content.before ?? null,
    after: content.after ?? null,
    ip: content.ip,
    userAgent: content.userAgent,
  };
  const canonical = canonicalize(covered);
  return createHash("sha256").update(prevHash).update("\n").update(canonical ?? "").digest("hex");
}

export interface ChainedEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

/** The newest seq and hash of a chain, as the checkpoint outside the rows records it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * `altered`: a row's content, link or seq does not match. `truncated`: the rows verify but
 * end before the recorded head: the newest rows were deleted.
 */
export type ChainVerdict =
  | { ok: true; entries: number; firstBroken: null }
  | { ok: false; entries: number; firstBroken: number; reason: "altered" | "truncated" };

/**
 * Walks a chain in seq order. A row is broken when its recorded previous hash is not the
 * one before it, its own hash does not match its content, or a seq is missing. With the
 * head recorded outside the rows, a chain that verifies but stops short of it was truncated
 * (the first missing seq is reported), and one that ends elsewhere was altered.
 */
export function verifyAuditChain(entries: Iterable<ChainedEntry>, head: ChainHead | null = null): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const entry of entries) {
    count++;
    if (entry.seq !== expectedSeq || entry.prevHash !== prev || hashAuditEntry(prev, entry) !== entry.hash) {
      return { ok: false, entries: count, firstBroken: entry.seq, reason: "altered" };
    }
    prev = entry.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1;
  if (head && head.seq > lastSeq) return { ok: false, entries: count, firstBroken: lastSeq + 1, reason: "truncated" };
  if (head && (head.seq < lastSeq || head.hash !== prev)) return { ok: false, entries: count, firstBroken: Math.min(head.seq + 1, lastSeq), reason: "altered" };
  return { ok: true, entries: count, firstBroken: null };
}
