import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { ServiceError } from "@/lib/services/errors";
import { createService } from "@/lib/services/catalog/create-service";
import { updateService } from "@/lib/services/catalog/update-service";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { getClassificationDefaults } from "@/lib/services/regulatory/get-classification-defaults";

let database: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "svc-reg");
});
afterAll(() => database.destroy());

describe("a service's regulatory defaults", () => {
  it("keeps the critical-function flag and client count the classification wizard starts from, and refuses a negative count naming the field", async () => {
    const created = await createService(org.as.editor, { slug: "netbank", name: "Netbank", clientCount: 250_000 });
    expect(created).toMatchObject({ supportsCriticalFunction: false, clientCount: 250_000 });
    const updated = await updateService(org.as.editor, "netbank", { supportsCriticalFunction: true, clientCount: 310_000 });
    expect(updated).toMatchObject({ supportsCriticalFunction: true, clientCount: 310_000 });

    const refused = await updateService(org.as.editor, "netbank", { clientCount: -1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).status).toBe(422);
    expect((refused as ServiceError).details).toEqual([expect.objectContaining({ field: "clientCount" })]);

    const incident = await declareIncident(org.as.responder, { title: "Netbank login failing", severity: "SEV2", services: ["netbank"] });
    const defaults = await getClassificationDefaults(org.as.viewer, incident.ref);
    expect(defaults.services).toEqual([{ slug: "netbank", name: "Netbank", critical: true, clientCount: 310_000 }]);
    expect(defaults.clientBase).toBe(310_000);
    expect(defaults.criteria.criticalServicesAffected).toBe(true);

    const cleared = await updateService(org.as.editor, "netbank", { clientCount: null });
    expect(cleared.clientCount).toBeNull();
  });
});
