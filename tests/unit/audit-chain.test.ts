import { describe, expect, it } from "vitest";
import { GENESIS_HASH, hashAuditEntry, verifyAuditChain, type AuditContent, type ChainedEntry } from "@/lib/core/audit-chain";

function content(seq: number, overrides: Partial<AuditContent> = {}): AuditContent {
  return {
    organizationId: "org-1",
    seq,
    at: new Date(Date.UTC(2024, 2, 1, 12, 0, seq)).toISOString(),
    actorType: "user",
    actorId: "user-1",
    actorLabel: "Ada Lovelace",
    action: "incident.updated",
    targetType: "incident",
    targetId: `inc-${seq}`,
    before: { severity: "SEV3", services: ["ledger"], nested: { a: 1, b: [1, 2] } },
    after: { severity: "SEV1", services: ["ledger", "payments-api"], nested: { a: 2, b: [2, 1] } },
    ip: "203.0.113.7",
    userAgent: "curl/8.5",
    ...overrides,
  };
}

/** A correctly linked chain of n entries, as recordAudit would write it. */
function chain(n: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const c = content(seq);
    const hash = hashAuditEntry(prevHash, c);
    entries.push({ ...c, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

const TAMPERED_VALUES: { [K in keyof AuditContent]: AuditContent[K] } = {
  organizationId: "org-2",
  seq: 3, // replaced below by a neighbouring seq; the value here is never used
  at: "2024-03-01T12:00:03.001Z",
  actorType: "api_key",
  actorId: "user-2",
  actorLabel: "Someone Else",
  action: "incident.declared",
  targetType: "timeline_event",
  targetId: "inc-99",
  before: { severity: "SEV3", services: ["ledger"], nested: { a: 1, b: [2, 1] } },
  after: { severity: "SEV2", services: ["ledger", "payments-api"], nested: { a: 2, b: [2, 1] } },
  ip: "198.51.100.1",
  userAgent: "Mozilla/5.0",
};

describe("audit chain hashing", () => {
  it("starts from the all-zero genesis hash", () => {
    expect(GENESIS_HASH).toBe("0".repeat(64));
    expect(chain(1)[0]!.prevHash).toBe(GENESIS_HASH);
    expect(verifyAuditChain([])).toEqual({ ok: true, entries: 0, firstBroken: null });
  });

  it("is a hex SHA-256 that depends on the previous hash", () => {
    const c = content(1);
    const hash = hashAuditEntry(GENESIS_HASH, c);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEntry(GENESIS_HASH, c)).toBe(hash);
    expect(hashAuditEntry("f".repeat(64), c)).not.toBe(hash);
  });

  it("does not depend on key order in before/after (JSONB does not keep it)", () => {
    const c = content(1);
    const reordered = content(1, {
      before: { nested: { b: [1, 2], a: 1 }, services: ["ledger"], severity: "SEV3" },
      after: { nested: { b: [2, 1], a: 2 }, services: ["ledger", "payments-api"], severity: "SEV1" },
    });
    expect(hashAuditEntry(GENESIS_HASH, reordered)).toBe(hashAuditEntry(GENESIS_HASH, c));
    // …but array order is content.
    const swapped = content(1, { after: { ...(c.after as object), services: ["payments-api", "ledger"] } });
    expect(hashAuditEntry(GENESIS_HASH, swapped)).not.toBe(hashAuditEntry(GENESIS_HASH, c));
  });

  it("covers only the content: a whole row with its hash columns hashes the same", () => {
    const [entry] = chain(1);
    expect(hashAuditEntry(GENESIS_HASH, entry!)).toBe(entry!.hash);
  });

  it("treats a missing before/after as null", () => {
    const withNull = content(1, { before: null });
    const withUndefined = content(1, { before: undefined });
    expect(hashAuditEntry(GENESIS_HASH, withUndefined)).toBe(hashAuditEntry(GENESIS_HASH, withNull));
  });
});

describe("audit chain verification", () => {
  it("accepts an intact chain", () => {
    expect(verifyAuditChain(chain(5))).toEqual({ ok: true, entries: 5, firstBroken: null });
  });

  it.each(Object.keys(TAMPERED_VALUES) as Array<keyof AuditContent>)("detects tampering with %s at the tampered seq", (field) => {
    const entries = chain(5);
    const value = field === "seq" ? 4 : TAMPERED_VALUES[field];
    expect(value).not.toEqual(entries[2]![field]);
    entries[2] = { ...entries[2]!, [field]: value };
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, firstBroken: field === "seq" ? 4 : 3 });
  });

  it("detects a rewritten hash or prevHash", () => {
    const a = chain(5);
    a[2] = { ...a[2]!, hash: "a".repeat(64) };
    expect(verifyAuditChain(a)).toMatchObject({ ok: false, firstBroken: 3 });
    const b = chain(5);
    b[2] = { ...b[2]!, prevHash: GENESIS_HASH };
    expect(verifyAuditChain(b)).toMatchObject({ ok: false, firstBroken: 3 });
  });

  it("detects a row rewritten with a recomputed hash, at the next row", () => {
    const entries = chain(5);
    const forged = { ...entries[2]!, after: { severity: "SEV4" } };
    forged.hash = hashAuditEntry(forged.prevHash, forged);
    entries[2] = forged;
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, firstBroken: 4 });
  });

  it("detects a deleted row at the first seq after the gap", () => {
    const entries = chain(5);
    entries.splice(2, 1);
    expect(verifyAuditChain(entries)).toEqual({ ok: false, entries: 3, firstBroken: 4, reason: "altered" });
    expect(verifyAuditChain(chain(5).slice(1))).toMatchObject({ ok: false, firstBroken: 2 });
  });

  it("detects reordered rows", () => {
    const entries = chain(5);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyAuditChain(entries)).toMatchObject({ ok: false, firstBroken: 3 });
  });

  it("refuses a chain that does not start at genesis", () => {
    const [first] = chain(1);
    const prevHash = "1".repeat(64);
    const rooted = { ...first!, prevHash, hash: hashAuditEntry(prevHash, first!) };
    expect(verifyAuditChain([rooted])).toEqual({ ok: false, entries: 1, firstBroken: 1, reason: "altered" });
  });

  it("reports a tail cut short of the recorded head as truncated, at the first missing seq", () => {
    const full = chain(5);
    const head = { seq: 5, hash: full[4]!.hash };
    expect(verifyAuditChain(full, head)).toEqual({ ok: true, entries: 5, firstBroken: null });
    expect(verifyAuditChain(full.slice(0, 3), head)).toEqual({ ok: false, entries: 3, firstBroken: 4, reason: "truncated" });
    expect(verifyAuditChain([], head)).toEqual({ ok: false, entries: 0, firstBroken: 1, reason: "truncated" });
  });

  it("reports rows past the head, or a last row that is not the head, as altered", () => {
    const full = chain(5);
    expect(verifyAuditChain(full, { seq: 3, hash: full[2]!.hash })).toEqual({ ok: false, entries: 5, firstBroken: 4, reason: "altered" });
    expect(verifyAuditChain(full, { seq: 5, hash: "f".repeat(64) })).toEqual({ ok: false, entries: 5, firstBroken: 5, reason: "altered" });
    expect(verifyAuditChain(full, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: false, firstBroken: 1, reason: "altered" });
  });
});
