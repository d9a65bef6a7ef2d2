import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { postmortem } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { mintCollabToken, postmortemDocumentName, type CollabPermission } from "@/lib/auth/collab-token";
import type { OrgRole } from "@/lib/core/roles";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { createPostmortem } from "@/lib/services/postmortems/create-postmortem";
import { submitPostmortem } from "@/lib/services/postmortems/submit-postmortem";
import { approvePostmortem } from "@/lib/services/postmortems/approve-postmortem";
import { connectClient, startCollab, synced, waitFor, type CollabClient, type RunningCollab } from "./collab-client";
import { writeRequiredSections } from "./postmortem-writing";

let database: TestDatabase;
let org: TestOrganization;
let running: RunningCollab;
const clients: CollabClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "collab");
  running = await startCollab(database.db);
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await running?.stop();
  await database.destroy();
});

async function newPostmortem(title: string): Promise<string> {
  const incident = await declareIncident(org.as.responder, { title, severity: "SEV2" });
  return (await createPostmortem(org.as.responder, incident.ref, { template: "standard" })).id;
}

async function tokenFor(role: OrgRole, postmortemId: string, permission: CollabPermission = role === "viewer" ? "read" : "write", ttl?: number) {
  const user = org.users[role];
  return (await mintCollabToken({ organizationId: org.id, userId: user.id, userName: user.name, documentName: postmortemDocumentName(postmortemId), permission }, ttl)).token;
}

async function client(postmortemId: string, token: string): Promise<CollabClient> {
  const c = connectClient(running.url, postmortemDocumentName(postmortemId), token);
  clients.push(c);
  return c;
}

async function stored(postmortemId: string) {
  const [row] = await database.db.select().from(postmortem).where(eq(postmortem.id, postmortemId));
  return row!;
}

describe("collaboration server", () => {
  it("starts from the stored document, converges two editors and stores JSON, text and authors after the debounce", async () => {
    const id = await newPostmortem("Ledger drift");
    const a = await client(id, await tokenFor("responder", id));
    const b = await client(id, await tokenFor("editor", id));
    await Promise.all([synced(a), synced(b)]);
    expect(a.text()).toContain("Summary");
    a.type("Alpha wrote this");
    b.type("Bravo wrote that");
    await waitFor(() => a.text().includes("Bravo wrote that") && b.text().includes("Alpha wrote this"), "both edits on both clients");
    expect(a.text()).toBe(b.text());
    await waitFor(async () => {
      const row = await stored(id);
      return row.text.includes("Alpha wrote this") && row.text.includes("Bravo wrote that");
    }, "the debounced store");
    const row = await stored(id);
    expect(JSON.stringify(row.content)).toContain("Bravo wrote that");
    expect(row.authorIds).toEqual(expect.arrayContaining([org.users.responder.id, org.users.editor.id]));
  });

  it("refuses a viewer's updates on the server: they reach neither the other client nor the database", async () => {
    const id = await newPostmortem("Viewer attempts");
    const writer = await client(id, await tokenFor("responder", id));
    const viewer = await client(id, await tokenFor("viewer", id));
    await Promise.all([synced(writer), synced(viewer)]);
    viewer.type("VIEWER SNEAKED THIS IN");
    writer.type("Writer text");
    await waitFor(() => viewer.text().includes("Writer text"), "the writer's edit on the viewer");
    await waitFor(async () => (await stored(id)).text.includes("Writer text"), "the writer's edit stored");
    await new Promise((r) => setTimeout(r, 400));
    expect(writer.text()).not.toContain("VIEWER SNEAKED THIS IN");
    expect((await stored(id)).text).not.toContain("VIEWER SNEAKED THIS IN");
    expect((await stored(id)).authorIds).not.toContain(org.users.viewer.id);
  });

  it("refuses expired, forged and other-document tokens", async () => {
    const id = await newPostmortem("Token checks");
    const other = await newPostmortem("Another document");
    const expired = await client(id, await tokenFor("responder", id, "write", -30));
    const forgedToken = await new SignJWT({ org: org.id, name: "Mallory", doc: postmortemDocumentName(id), perm: "write" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(org.users.admin.id)
      .setIssuer("logbook")
      .setAudience("logbook-collab")
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("not-the-server-key-not-the-server-key"));
    const forged = await client(id, forgedToken);
    const wrongDoc = await client(id, await tokenFor("responder", other));
    await waitFor(() => expired.failures.length > 0 && forged.failures.length > 0 && wrongDoc.failures.length > 0, "three refusals");
    expect(expired.failures[0]).toBe("token-expired");
    expect(forged.failures[0]).toBe("token-invalid");
    expect(wrongDoc.failures[0]).toBe("token-wrong-document");
    expect(expired.provider.isSynced || forged.provider.isSynced || wrongDoc.provider.isSynced).toBe(false);
    [expired, forged, wrongDoc].forEach((c) => c.provider.configuration.websocketProvider.disconnect());
  });

  it("keeps every edit across a server restart mid-session: clients reconnect and converge", async () => {
    const id = await newPostmortem("Restart");
    const a = await client(id, await tokenFor("responder", id));
    const b = await client(id, await tokenFor("editor", id));
    await Promise.all([synced(a), synced(b)]);
    a.type("before restart");
    await waitFor(() => b.text().includes("before restart"), "the first edit on b");
    const port = running.port;
    await running.stop();
    // Edits made while the server is down stay in the clients and are sent on reconnect.
    a.type("typed while offline by A");
    b.type("typed while offline by B");
    running = await startCollab(database.db, {}, port);
    await waitFor(
      () => ["before restart", "typed while offline by A", "typed while offline by B"].every((t) => a.text().includes(t) && b.text().includes(t)),
      "convergence after the restart",
      15_000,
    );
    expect(a.text()).toBe(b.text());
    await waitFor(async () => (await stored(id)).text.includes("typed while offline by B") && (await stored(id)).text.includes("typed while offline by A"), "the store after restart");
  });

  it("stops storing once the postmortem is approved and closes the editors' connections", async () => {
    const id = await newPostmortem("Approved text is fixed");
    // Review needs the template's required sections written; written before the editor connects.
    await writeRequiredSections(database.db, org.as.viewer, id, [org.users.responder.id]);
    const author = await client(id, await tokenFor("responder", id));
    await synced(author);
    author.type("final words");
    await waitFor(async () => (await stored(id)).text.includes("final words"), "the author's text stored");
    await submitPostmortem(org.as.responder, id);
    await approvePostmortem(org.as.editor, id);
    await approvePostmortem(org.as.compliance, id);
    author.type("LATE CHANGE AFTER APPROVAL");
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await stored(id)).text).not.toContain("LATE CHANGE AFTER APPROVAL");
    expect((await stored(id)).status).toBe("approved");
    // The server closed the author's connection to the document, saying why.
    await waitFor(() => author.closes.includes("postmortem-locked"), "the server to close the author's connection");
    expect(running.collab.hocuspocus.documents.get(postmortemDocumentName(id))?.getConnectionsCount() ?? 0).toBe(0);
    // A new connection to the approved postmortem is read-only.
    const late = await client(id, await tokenFor("editor", id));
    await synced(late);
    late.type("EDITOR AFTER APPROVAL");
    await new Promise((r) => setTimeout(r, 600));
    expect((await stored(id)).text).not.toContain("EDITOR AFTER APPROVAL");
  });
});
