import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postmortem } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { mintCollabToken, postmortemDocumentName } from "@/lib/auth/collab-token";
import type { OrgRole } from "@/lib/core/roles";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { createPostmortem } from "@/lib/services/postmortems/create-postmortem";
import { connectClient, startCollab, synced, waitFor, type CollabClient, type RunningCollab } from "./collab-client";

// Two web instances behind a load balancer: two editors of one postmortem land on different
// instances. Redis (REDIS_URL, 127.0.0.1:6379 on these machines; .ci/run starts it) relays
// their updates, so each sees the other's typing, and the document is stored with both.
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

let database: TestDatabase;
let org: TestOrganization;
let first: RunningCollab;
let second: RunningCollab;
let alone: RunningCollab;
const clients: CollabClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "collab-instances");
  // Document names are postmortem ids, fresh per run, so parallel runs share Redis safely.
  first = await startCollab(database.db, { redisUrl: REDIS_URL });
  second = await startCollab(database.db, { redisUrl: REDIS_URL });
  alone = await startCollab(database.db);
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await Promise.all([first?.stop(), second?.stop(), alone?.stop()]);
  await database.destroy();
});

async function newPostmortem(title: string): Promise<string> {
  const incident = await declareIncident(org.as.responder, { title: `${title} ${randomBytes(3).toString("hex")}`, severity: "SEV2" });
  return (await createPostmortem(org.as.responder, incident.ref, { template: "standard" })).id;
}

async function clientOn(instance: RunningCollab, role: OrgRole, postmortemId: string): Promise<CollabClient> {
  const user = org.users[role];
  const documentName = postmortemDocumentName(postmortemId);
  const { token } = await mintCollabToken({ organizationId: org.id, userId: user.id, userName: user.name, documentName, permission: "write" });
  const c = connectClient(instance.url, documentName, token);
  clients.push(c);
  return c;
}

describe("collaboration across web instances", () => {
  it("relays two editors' updates between instances through Redis and stores both", async () => {
    const id = await newPostmortem("Card auth timeouts");
    const a = await clientOn(first, "responder", id);
    const b = await clientOn(second, "editor", id);
    await Promise.all([synced(a), synced(b)]);
    a.type("Typed on instance one");
    b.type("Typed on instance two");
    await waitFor(() => a.text().includes("Typed on instance two") && b.text().includes("Typed on instance one"), "each edit on the other instance", 15_000);
    expect(a.text()).toBe(b.text());
    await waitFor(
      async () => {
        const [row] = await database.db.select({ text: postmortem.text }).from(postmortem).where(eq(postmortem.id, id));
        return Boolean(row?.text.includes("Typed on instance one") && row.text.includes("Typed on instance two"));
      },
      "the stored document to hold both edits",
      15_000,
    );
  });

  it("keeps instances without Redis apart (one instance serves collaboration, as on a laptop)", async () => {
    const id = await newPostmortem("Settlement batch late");
    const a = await clientOn(alone, "responder", id);
    const b = await clientOn(first, "editor", id);
    await Promise.all([synced(a), synced(b)]);
    b.type("Only on the Redis instance");
    // The Redis instance's own clients see it at once; the lone instance never hears of it.
    const c = await clientOn(second, "editor", id);
    await synced(c);
    await waitFor(() => c.text().includes("Only on the Redis instance"), "the edit on the other Redis instance", 15_000);
    expect(a.text()).not.toContain("Only on the Redis instance");
  });
});
