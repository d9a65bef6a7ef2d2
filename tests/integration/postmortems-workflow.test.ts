import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { yDocToProsemirrorJSON } from "y-prosemirror";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { contentSha256 } from "@/lib/documents/content-hash";
import { documentText } from "@/lib/documents/doc-text";
import { isUntouchedGuidance } from "@/lib/documents/guidance";
import { postmortemSchema } from "@/lib/documents/validate-document";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { ServiceError } from "@/lib/services/errors";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { addNote } from "@/lib/services/incidents/add-note";
import { editTimelineEvent } from "@/lib/services/incidents/edit-timeline-event";
import { approvePostmortem } from "@/lib/services/postmortems/approve-postmortem";
import { comparePostmortemRevisions } from "@/lib/services/postmortems/compare-postmortem-revisions";
import { createPostmortem } from "@/lib/services/postmortems/create-postmortem";
import { getIncidentPostmortem } from "@/lib/services/postmortems/get-incident-postmortem";
import { getPostmortem } from "@/lib/services/postmortems/get-postmortem";
import { getPostmortemRevision } from "@/lib/services/postmortems/get-postmortem-revision";
import { COLLAB_FIELD } from "@/lib/services/postmortems/views";
import { publishPostmortem } from "@/lib/services/postmortems/publish-postmortem";
import { recordPostmortemAuthors } from "@/lib/services/postmortems/record-postmortem-authors";
import { reopenPostmortem } from "@/lib/services/postmortems/reopen-postmortem";
import { savePostmortemState } from "@/lib/services/postmortems/save-postmortem-state";
import { submitPostmortem } from "@/lib/services/postmortems/submit-postmortem";
import { postmortem, postmortemApproval } from "@/db/schema";
import { writeRequiredSections } from "./postmortem-writing";

let database: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "pm-flow");
});
afterAll(() => database.destroy());

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** An incident's postmortem, its required sections written by its creator unless `untouched`. */
async function newPostmortem(title: string, template: "standard" | "regulatory" = "standard", { untouched = false } = {}) {
  const incident = await declareIncident(org.as.responder, { title, severity: "SEV2", summary: `${title} summary`, occurredAt: "2030-01-01T10:00:00.000Z" });
  const note = await addNote(org.as.responder, incident.ref, { body: `${title}: rolled back the config` });
  await editTimelineEvent(org.as.responder, incident.ref, note.id, { highlighted: true });
  const created = await createPostmortem(org.as.responder, incident.ref, { template });
  if (!untouched) await writeRequiredSections(database.db, org.as.viewer, created.id, [org.users.responder.id]);
  return { incident, created };
}

function edited(content: PostmortemDoc, line: string): PostmortemDoc {
  return { ...content, content: [...(content.content ?? []), { type: "paragraph", content: [{ type: "text", text: line }] }] };
}

async function saveEdit(id: string, line: string, editors: string[]) {
  const current = await getPostmortem(org.as.viewer, id);
  const content = edited(current.content, line);
  return savePostmortemState(database.db, id, { ydocUpdate: new Uint8Array([0, 0]), content, text: documentText(content), editorUserIds: editors });
}

describe("creating a postmortem", () => {
  it("pre-fills the template from the incident, stores a Yjs state that decodes to the same document, and records the creator as author", async () => {
    const { incident, created } = await newPostmortem("Ledger lag", "regulatory");
    expect(created).toMatchObject({ incidentId: incident.id, status: "draft", revision: 1 });
    const view = await getIncidentPostmortem(org.as.viewer, incident.ref);
    expect(view.id).toBe(created.id);
    expect(view.template).toBe("regulatory");
    expect(view.text).toContain(`Postmortem: ${incident.ref} Ledger lag`);
    expect(view.text).toContain("Ledger lag summary");
    expect(view.text).toContain("Severity | SEV2");
    expect(view.authors.map((a) => a.id)).toEqual([org.users.responder.id]);

    const [row] = await database.db.select({ ydoc: postmortem.ydoc }).from(postmortem).where(eq(postmortem.id, created.id));
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, row!.ydoc!);
    const fromYjs = yDocToProsemirrorJSON(ydoc, COLLAB_FIELD) as PostmortemDoc;
    // Yjs drops null attributes; the schema restores their defaults on both sides.
    const normalised = (doc: PostmortemDoc) => contentSha256(postmortemSchema().nodeFromJSON(doc).toJSON());
    expect(normalised(fromYjs)).toBe(normalised(view.content));
  });

  it("allows one postmortem per incident (409) and refuses viewers (403)", async () => {
    const { incident } = await newPostmortem("Duplicate probe");
    expect((await failure(createPostmortem(org.as.editor, incident.ref, { template: "standard" }))).status).toBe(409);
    const other = await declareIncident(org.as.responder, { title: "Viewer probe", severity: "SEV4" });
    expect((await failure(createPostmortem(org.as.viewer, other.ref, { template: "standard" }))).status).toBe(403);
    expect((await failure(createPostmortem(org.as.responder, other.ref, { template: "fancy" }))).status).toBe(422);
  });
});

describe("required sections", () => {
  it("refuses to submit an untouched template, naming each empty required section, and accepts it once they are written", async () => {
    const { created } = await newPostmortem("Untouched template", "regulatory", { untouched: true });
    const refused = await failure(submitPostmortem(org.as.responder, created.id));
    expect(refused.status).toBe(409);
    expect(refused.code).toBe("required_sections_empty");
    // The incident's summary was pre-filled under "Summary"; everything else is the template's.
    expect(refused.details).toEqual(
      ["Impact", "Recovery", "Root cause and contributing factors", "Quantified impact", "Third-party involvement"].map((section) => ({
        section,
        message: "is required and still empty: write it before review",
      })),
    );
    expect(refused.message).toContain("“Impact”");
    expect((await getPostmortem(org.as.viewer, created.id)).status).toBe("draft");

    await writeRequiredSections(database.db, org.as.viewer, created.id, [org.users.responder.id]);
    expect((await submitPostmortem(org.as.responder, created.id)).status).toBe("in_review");
  });

  it("refuses approval and publication of a postmortem that is in review or approved with empty required sections", async () => {
    const { created } = await newPostmortem("Emptied in review", "standard", { untouched: true });
    // Reached review before the check existed (or emptied by a direct write): the steps after it refuse too.
    await database.db.update(postmortem).set({ status: "in_review" }).where(eq(postmortem.id, created.id));
    const approval = await failure(approvePostmortem(org.as.editor, created.id));
    expect(approval.status).toBe(409);
    expect(approval.code).toBe("required_sections_empty");
    expect((approval.details as Array<{ section: string }>).map((d) => d.section)).toEqual(["Impact", "Recovery", "Root cause and contributing factors"]);
    expect((await getPostmortem(org.as.viewer, created.id)).approvals).toEqual([]);

    await database.db.insert(postmortemApproval).values([
      { postmortemId: created.id, revision: 1, userId: org.users.editor.id },
      { postmortemId: created.id, revision: 1, userId: org.users.compliance.id },
    ]);
    await database.db.update(postmortem).set({ status: "approved" }).where(eq(postmortem.id, created.id));
    const publication = await failure(publishPostmortem(org.as.admin, created.id));
    expect(publication.status).toBe(409);
    expect(publication.code).toBe("required_sections_empty");
    expect((await getPostmortem(org.as.viewer, created.id)).publishedRevisions).toEqual([]);
  });
});

describe("review and sign-off (four eyes)", () => {
  it("refuses approval before review, by an author, twice by one person, and publishing without two approvals", async () => {
    const { created } = await newPostmortem("Four eyes");
    expect((await failure(approvePostmortem(org.as.editor, created.id))).status).toBe(409);
    expect((await failure(publishPostmortem(org.as.admin, created.id))).code).toBe("approvals_required");
    await submitPostmortem(org.as.responder, created.id);
    expect((await failure(submitPostmortem(org.as.responder, created.id))).status).toBe(409);

    const own = await failure(approvePostmortem(org.as.responder, created.id));
    expect(own.status).toBe(409);
    expect(own.code).toBe("author_cannot_approve");
    expect(own.message).toMatch(/cannot approve/);

    const first = await approvePostmortem(org.as.editor, created.id);
    expect(first.status).toBe("in_review");
    expect(first.approvals.map((a) => a.id)).toEqual([org.users.editor.id]);
    const twice = await failure(approvePostmortem(org.as.editor, created.id));
    expect(twice.status).toBe(409);
    expect(twice.code).toBe("already_approved");
    const early = await failure(publishPostmortem(org.as.admin, created.id));
    expect(early.status).toBe(409);
    expect(early.message).toMatch(/has 1/);
    expect((await failure(approvePostmortem(org.as.viewer, created.id))).status).toBe(403);

    const second = await approvePostmortem(org.as.compliance, created.id);
    expect(second.status).toBe("approved");
    expect(second.approvals).toHaveLength(2);
  });

  it("makes users who edit through collaboration authors, who then cannot approve", async () => {
    const { created } = await newPostmortem("Co-author");
    await recordPostmortemAuthors(database.db, created.id, [org.users.editor.id, org.users.responder.id]);
    const view = await getPostmortem(org.as.viewer, created.id);
    expect(view.authors.map((a) => a.id)).toEqual([org.users.responder.id, org.users.editor.id]);
    await submitPostmortem(org.as.editor, created.id);
    expect((await failure(approvePostmortem(org.as.editor, created.id))).code).toBe("author_cannot_approve");
  });

  it("clears approvals when the text changes in review, and refuses edits once approved", async () => {
    const { created } = await newPostmortem("Edit under review");
    await submitPostmortem(org.as.responder, created.id);
    await approvePostmortem(org.as.editor, created.id);
    const saved = await saveEdit(created.id, "A late correction", [org.users.admin.id]);
    expect(saved.approvalsCleared).toBe(true);
    const view = await getPostmortem(org.as.viewer, created.id);
    expect(view.approvals).toEqual([]);
    expect(view.text).toContain("A late correction");
    expect(view.authors.map((a) => a.id)).toContain(org.users.admin.id);

    await approvePostmortem(org.as.editor, created.id);
    await approvePostmortem(org.as.compliance, created.id);
    const refused = await failure(saveEdit(created.id, "Sneaky change", [org.users.responder.id]));
    expect(refused.status).toBe(409);
    expect(refused.code).toBe("postmortem_not_editable");
    expect((await getPostmortem(org.as.viewer, created.id)).text).not.toContain("Sneaky change");
  });
});

describe("publishing, revisions and reopening", () => {
  it("freezes data blocks, hashes the canonical JSON, refuses edits, and reopens as revision 2", async () => {
    const { incident, created } = await newPostmortem("Publish flow", "regulatory");
    // A responder's note that nobody highlighted: the timeline shows notes by default.
    await addNote(org.as.responder, incident.ref, { body: "Failed over to the replica; writes recovered" });
    expect((await getPostmortem(org.as.viewer, created.id)).content.content!.some(isUntouchedGuidance)).toBe(true);
    await submitPostmortem(org.as.responder, created.id);
    await approvePostmortem(org.as.editor, created.id);
    await approvePostmortem(org.as.compliance, created.id);
    expect((await failure(publishPostmortem(org.as.responder, created.id))).status).toBe(403);
    const published = await publishPostmortem(org.as.admin, created.id);
    expect(published.status).toBe("published");
    expect(published.publishedRevisions).toHaveLength(1);
    const sha = published.publishedRevisions[0]!.sha256;

    const revision = await getPostmortemRevision(org.as.viewer, created.id, 1);
    expect(revision.sha256).toBe(sha);
    expect(revision.verified).toBe(true);
    expect(contentSha256(revision.content)).toBe(sha);
    expect(revision.text).toContain("Publish flow: rolled back the config");
    expect(revision.text).toContain(`Incident | ${incident.ref}: Publish flow`);
    expect(revision.text).toMatch(/\| Note \| Note by [^:]+: Failed over to the replica; writes recovered \|/);
    expect(revision.content.content!.some(isUntouchedGuidance)).toBe(false);
    const frozenBlocks = (revision.content.content ?? []).filter((n) => n.attrs && "frozen" in n.attrs);
    expect(frozenBlocks.length).toBe(6);
    for (const block of frozenBlocks) expect(block.attrs!.frozen).toMatchObject({ columns: expect.any(Array) });

    const refused = await failure(saveEdit(created.id, "Edit after publish", [org.users.responder.id]));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/published and cannot be edited/);
    expect((await failure(publishPostmortem(org.as.admin, created.id))).status).toBe(409);

    const reopened = await reopenPostmortem(org.as.editor, created.id);
    expect(reopened).toMatchObject({ status: "draft", revision: 2, approvals: [] });
    for (const block of (reopened.content.content ?? []).filter((n) => n.attrs && "frozen" in n.attrs)) expect(block.attrs!.frozen).toBeNull();
    await saveEdit(created.id, "Revision two adds this", [org.users.responder.id]);
    expect((await getPostmortemRevision(org.as.viewer, created.id, 1)).sha256).toBe(sha);
    expect((await failure(getPostmortemRevision(org.as.viewer, created.id, 2))).status).toBe(404);

    await submitPostmortem(org.as.responder, created.id);
    await approvePostmortem(org.as.editor, created.id);
    await approvePostmortem(org.as.compliance, created.id);
    const second = await publishPostmortem(org.as.admin, created.id);
    expect(second.publishedRevisions.map((r) => r.revision)).toEqual([1, 2]);

    const diff = await comparePostmortemRevisions(org.as.viewer, created.id, { from: "1", to: "2" });
    expect(diff.changes).toContainEqual(expect.objectContaining({ kind: "added", type: "paragraph", after: "Revision two adds this" }));
    expect((await failure(comparePostmortemRevisions(org.as.viewer, created.id, { from: "0", to: "2" }))).status).toBe(422);

    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.targetId, created.id)))
      .orderBy(auditLog.seq);
    expect(actions.map((a) => a.action)).toEqual([
      "postmortem.created",
      "postmortem.submitted",
      "postmortem.approved",
      "postmortem.approved",
      "postmortem.published",
      "postmortem.reopened",
      "postmortem.submitted",
      "postmortem.approved",
      "postmortem.approved",
      "postmortem.published",
    ]);
  });
});

describe("saving from the collaboration server", () => {
  it("treats JSON derived from Yjs (null attributes dropped) as unchanged, and refuses documents the schema cannot build", async () => {
    const { created } = await newPostmortem("No-op save");
    await submitPostmortem(org.as.responder, created.id);
    await approvePostmortem(org.as.editor, created.id);
    const [row] = await database.db.select({ ydoc: postmortem.ydoc }).from(postmortem).where(eq(postmortem.id, created.id));
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, row!.ydoc!);
    const fromYjs = yDocToProsemirrorJSON(ydoc, COLLAB_FIELD) as PostmortemDoc;
    const saved = await savePostmortemState(database.db, created.id, { ydocUpdate: row!.ydoc!, content: fromYjs, text: documentText(fromYjs), editorUserIds: [org.users.compliance.id] });
    expect(saved.approvalsCleared).toBe(false);
    const view = await getPostmortem(org.as.viewer, created.id);
    expect(view.approvals).toHaveLength(1);
    expect(view.authors.map((a) => a.id)).not.toContain(org.users.compliance.id);

    const bad = { type: "doc", content: [{ type: "scriptTag" }] } as PostmortemDoc;
    expect((await failure(savePostmortemState(database.db, created.id, { ydocUpdate: new Uint8Array([0, 0]), content: bad, text: "", editorUserIds: [] }))).status).toBe(422);
    expect((await failure(savePostmortemState(database.db, created.id, { ydocUpdate: new Uint8Array([0, 0]), content: fromYjs, text: "", editorUserIds: [], organizationId: "another-org" }))).status).toBe(404);
  });
});
