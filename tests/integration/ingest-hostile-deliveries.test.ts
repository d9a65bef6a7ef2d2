import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { postBearer, type IngestTarget } from "./ingest-delivery";
import { callRoute } from "./route-request";

// Deliveries and bodies built to hurt: what Logbook answers and what it keeps.
let database: TestDatabase;
let org: TestOrganization;
let generic: IngestTarget;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "hostile");
  generic = await createIntegration(org.as.admin, { kind: "generic", name: "Scripts" });
});
afterAll(() => database.destroy());

const deeply = (levels: number) => '{"x":'.repeat(levels) + "1" + "}".repeat(levels);

describe("deeply nested JSON", () => {
  it("in a generic delivery's hints is refused with 422 and the reason, not a 500", async () => {
    const body = `{"type":"change","kind":"deploy_succeeded","title":"Deploy","hints":${deeply(50_000)}}`;
    const answer = await postBearer(generic, body);
    expect(answer.status).toBe(422);
    expect(answer.error?.code).toBe("malformed_delivery");
    expect(answer.error?.message).toContain("nests deeper than 64 levels");
  });

  it("in hints that are merely large is refused, naming the field", async () => {
    const answer = await postBearer(generic, { type: "change", kind: "deploy_succeeded", title: "Deploy", hints: { blob: "x".repeat(20_000) } });
    expect(answer.status).toBe(422);
    expect(answer.error?.message).toContain("hints");
  });

  it("in an API request body is refused with 422 and the reason", async () => {
    const answer = await callRoute(incidentsRoute.POST, {
      path: "/api/v1/incidents",
      key: org.keys.editor,
      raw: `{"title":"Deep","severity":"SEV2","extra":${deeply(50_000)}}`,
      headers: { "content-type": "application/json" },
    });
    expect(answer.status).toBe(422);
    expect(answer.error?.message).toContain("nests deeper than 64 levels");
  });
});
