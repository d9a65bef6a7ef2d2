import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import { verifyOrganizationAuditChain } from "@/lib/services/audit/verify-organization-audit-chain";
import { createTeam } from "@/lib/services/catalog/create-team";
import { exportAuditLog } from "@/lib/services/audit/export-audit-log";
import { verifyCheckpointSignature } from "@/lib/core/audit-checkpoint-signature";

// The chain's head is kept outside its rows, so deleting the newest rows (as a superuser,
// with every trigger disabled) is reported, and no seq is ever handed out twice.
let database: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "anchored");
  await createTeam(org.as.admin, { slug: "sre", name: "SRE" });
});
afterAll(() => database.destroy());

const seqs = async () =>
  (await database.rows<{ seq: string | number }>("SELECT seq FROM audit_log WHERE organization_id = $1 ORDER BY seq", [org.id])).map((r) => Number(r.seq));
const head = async () => (await database.rows<{ seq: string | number; hash: string }>("SELECT seq, hash FROM audit_checkpoint WHERE organization_id = $1", [org.id]))[0];

/** What a superuser can do: delete rows with the triggers switched off for the transaction. */
async function deleteTailBehindTriggers(fromSeq: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`delete from audit_log where organization_id = ${org.id} and seq >= ${fromSeq}`);
  });
}

describe("the audit chain's head", () => {
  it("moves with every audit row, in its transaction", async () => {
    const rows = await seqs();
    const last = (await database.rows<{ hash: string }>("SELECT hash FROM audit_log WHERE organization_id = $1 AND seq = $2", [org.id, rows.at(-1)]))[0]!;
    expect(Number((await head())!.seq)).toBe(rows.at(-1));
    expect((await head())!.hash).toBe(last.hash);
    expect(await verifyOrganizationAuditChain(database.db, org.id)).toEqual({ ok: true, entries: rows.length, firstBroken: null });
  });

  it("only moves forward: going back, deleting it and TRUNCATE are refused", async () => {
    await expect(database.rows("UPDATE audit_checkpoint SET seq = seq - 1 WHERE organization_id = $1", [org.id])).rejects.toThrow(/only moves forward/);
    await expect(database.rows("DELETE FROM audit_checkpoint WHERE organization_id = $1", [org.id])).rejects.toThrow(/only moves forward/);
    await expect(database.rows("TRUNCATE audit_checkpoint")).rejects.toThrow(/only moves forward/);
  });

  it("refuses an audit row that does not continue it", async () => {
    const { seq, hash } = (await head())!;
    await expect(
      database.rows(
        `INSERT INTO audit_log (organization_id, seq, at, actor_type, actor_label, action, target_type, prev_hash, hash)
         VALUES ($1, $2, now(), 'system', 'forger', 'team.created', 'team', $3, 'f00d')`,
        [org.id, Number(seq) - 1, hash],
      ),
    ).rejects.toThrow(/does not continue the chain head/);
  });

  it("is exported with a signed checkpoint at its last row, checked with the public key alone", async () => {
    const exported = JSON.parse((await exportAuditLog(org.as.compliance, { format: "json" })).body) as {
      signing: { algorithm: string; publicKey: string; organizationId: string };
      checkpoints: Array<{ seq: number; hash: string; signature: string }>;
      entries: Array<{ seq: number; hash: string }>;
    };
    expect(exported.signing).toMatchObject({ algorithm: "Ed25519", organizationId: org.id });
    const last = exported.entries.at(-1)!;
    expect(exported.checkpoints).toEqual([{ seq: last.seq, hash: last.hash, signature: expect.any(String) }]);
    const [checkpoint] = exported.checkpoints;
    expect(verifyCheckpointSignature(exported.signing.publicKey, org.id, checkpoint!)).toBe(true);
    expect(verifyCheckpointSignature(exported.signing.publicKey, org.id, { ...checkpoint!, hash: "0".repeat(64) })).toBe(false);
    expect(verifyCheckpointSignature(exported.signing.publicKey, org.id, { ...checkpoint!, seq: checkpoint!.seq - 1 })).toBe(false);

    const csv = (await exportAuditLog(org.as.compliance, { format: "csv" })).body.trimEnd().split("\n");
    expect(csv[0]!.endsWith(",checkpoint_signature")).toBe(true);
    expect(csv.at(-1)!.split(",").at(-1)).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  // Last: they break the chain on purpose.
  it("reports a truncated tail after the newest rows were deleted with the triggers disabled", async () => {
    const before = await seqs();
    const firstDeleted = before.at(-2)!;
    await deleteTailBehindTriggers(firstDeleted);
    expect(await seqs()).toEqual(before.slice(0, -2));
    expect(await verifyOrganizationAuditChain(database.db, org.id)).toEqual({ ok: false, entries: before.length - 2, firstBroken: firstDeleted, reason: "truncated" });
  });

  it("never reuses a deleted seq: the next row continues from the head", async () => {
    const headBefore = Number((await head())!.seq);
    await createTeam(org.as.admin, { slug: "payments", name: "Payments" });
    expect((await seqs()).at(-1)).toBe(headBefore + 1);
    const verdict = await verifyOrganizationAuditChain(database.db, org.id);
    expect(verdict.ok).toBe(false);
  });
});
