import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as notesRoute from "@/app/api/v1/incidents/[idOrRef]/notes/route";
import * as auditVerifyRoute from "@/app/api/v1/audit/verify/route";
import { callRoute } from "./route-request";
import type { IncidentView } from "@/lib/services/incidents/views";

// On PostgreSQL these requests really run at once on separate pool connections; the
// reference counter's row lock and the audit chain's advisory lock must serialise them.
let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "busy");
  other = await createTestOrganization(database.db, "also-busy");
});
afterAll(() => database.destroy());

describe("concurrent writes", () => {
  it("gives 20 parallel declarations 20 distinct, consecutive references and keeps the audit chain intact", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        callRoute<IncidentView>(incidentsRoute.POST, { path: "/api/v1/incidents", key: i % 2 ? org.keys.responder : org.keys.editor, json: { title: `Storm ${i}`, severity: "SEV3" } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const numbers = answers.map((a) => Number(a.body.ref.replace("INC-", ""))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const verdict = await callRoute(auditVerifyRoute.GET, { path: "/api/v1/audit/verify", key: org.keys.compliance });
    expect(verdict.body).toMatchObject({ ok: true, firstBroken: null });
    const [row] = await database.rows<{ n: number; max: number }>("select count(*)::int as n, max(seq)::int as max from audit_log where organization_id = $1 and action = 'incident.declared'", [org.id]);
    expect(row!.n).toBe(20);
  });

  it("keeps each organisation's chain intact when two organisations write at once", async () => {
    const [first] = (await callRoute<{ items: IncidentView[] }>(incidentsRoute.GET, { path: "/api/v1/incidents?limit=1", key: org.keys.viewer })).body.items;
    const writes = Array.from({ length: 12 }, (_, i) =>
      i % 2
        ? callRoute(notesRoute.POST, { path: `/api/v1/incidents/${first!.ref}/notes`, key: org.keys.responder, json: { body: `note ${i}` }, params: { idOrRef: first!.ref } })
        : callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: other.keys.responder, json: { title: `Other ${i}`, severity: "SEV4" } }),
    );
    expect((await Promise.all(writes)).map((a) => a.status)).toEqual(Array.from({ length: 12 }, () => 201));
    for (const tenant of [org, other]) {
      const verdict = await callRoute(auditVerifyRoute.GET, { path: "/api/v1/audit/verify", key: tenant.keys.compliance });
      expect(verdict.body).toMatchObject({ ok: true, firstBroken: null });
    }
    const seqs = await database.rows<{ organization_id: string; seq: number; n: number }>(
      "select organization_id, max(seq)::int as seq, count(*)::int as n from audit_log group by organization_id",
    );
    // No gaps and no duplicates: the highest seq equals the number of rows in every chain.
    for (const chain of seqs) expect(chain.seq).toBe(chain.n);
  });
});
