import { and, asc, eq, inArray, or } from "drizzle-orm";
import { prosemirrorJSONToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import { actionItem, postmortem, postmortemApproval, postmortemRevision, postmortemTemplate, timelineEvent, user } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { contentSha256 } from "@/lib/documents/content-hash";
import { freezeDocument } from "@/lib/documents/freeze-document";
import { DEFAULT_CONFIDENTIALITY, type DocumentControlFacts, type IncidentSnapshot } from "@/lib/documents/incident-snapshot";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { emptyRequiredSections } from "@/lib/documents/required-sections";
import { timelineKindsShown } from "@/lib/documents/timeline-selection";
import { builtinTemplate, isTemplateKey, TEMPLATE_NAMES, type TemplateKey } from "@/lib/documents/templates/builtin-templates";
import { postmortemSchema } from "@/lib/documents/validate-document";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { NO_REQUEST, type ServiceContext } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { loadIncidentView, type IncidentRow } from "../incidents/views";
import { COLLAB_FIELD, type FrozenPostmortem, type PersonName, type PostmortemRevisionView, type PostmortemRow, type PostmortemTemplateView, type PostmortemView } from "./views";

// People

/** Approvals of the revision being reviewed (or of `revision`), oldest first, with the approvers' names. */
export async function loadApprovals(db: Queryable, row: PostmortemRow, revision = row.revision): Promise<PostmortemView["approvals"]> {
  const rows = await db
    .select({ id: postmortemApproval.userId, name: user.name, email: user.email, approvedAt: postmortemApproval.approvedAt })
    .from(postmortemApproval)
    .innerJoin(user, eq(user.id, postmortemApproval.userId))
    .where(and(eq(postmortemApproval.postmortemId, row.id), eq(postmortemApproval.revision, revision)))
    .orderBy(asc(postmortemApproval.approvedAt), asc(postmortemApproval.userId));
  return rows.map((r) => ({ id: r.id, name: r.name || r.email, approvedAt: r.approvedAt.toISOString() }));
}

export async function loadPeople(db: Queryable, ids: string[]): Promise<PersonName[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.name || r.email]));
  // Keep the order in which people started editing; users deleted since are named by id.
  return ids.map((id) => ({ id, name: byId.get(id) ?? id }));
}

// Authors (four eyes: authors cannot approve)

/** Saves from the collaboration server are attributed to it; the editing users are named in the row. */
export const COLLABORATION_ACTOR: Actor = { type: "system", id: null, label: "collaboration server" };

/**
 * Adds users to the postmortem's authors (four eyes: authors cannot approve it). Runs in
 * the caller's transaction; returns the users that were not authors before.
 */
export async function addPostmortemAuthors(tx: Queryable, postmortemId: string, userIds: string[]): Promise<string[]> {
  const [row] = await tx
    .select({ organizationId: postmortem.organizationId, authorIds: postmortem.authorIds })
    .from(postmortem)
    .where(eq(postmortem.id, postmortemId))
    .for("update");
  if (!row) throw new NotFoundError(`Postmortem ${postmortemId}`);
  const added = [...new Set(userIds)].filter((id) => !row.authorIds.includes(id));
  if (added.length === 0) return [];
  await tx
    .update(postmortem)
    .set({ authorIds: [...row.authorIds, ...added] })
    .where(eq(postmortem.id, postmortemId));
  await recordAudit(tx, {
    organizationId: row.organizationId,
    actor: COLLABORATION_ACTOR,
    request: NO_REQUEST,
    action: "postmortem.authors_added",
    targetType: "postmortem",
    targetId: postmortemId,
    before: { authorIds: row.authorIds },
    after: { authorIds: [...row.authorIds, ...added] },
  });
  return added;
}

// Workflow steps

/**
 * The common tail of a workflow step: update the row, write the audit row and tell browsers,
 * all in the caller's transaction.
 */
export async function commitPostmortemStep(
  tx: Queryable,
  ctx: ServiceContext,
  row: PostmortemRow,
  action: "postmortem.submitted" | "postmortem.approved" | "postmortem.published" | "postmortem.reopened",
  set: Partial<typeof postmortem.$inferInsert>,
  detail: Record<string, unknown> = {},
): Promise<PostmortemRow> {
  const [updated] = await tx
    .update(postmortem)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(postmortem.id, row.id))
    .returning();
  await recordAudit(tx, {
    ...auditFrom(ctx),
    action,
    targetType: "postmortem",
    targetId: row.id,
    before: { status: row.status, revision: row.revision },
    after: { status: updated!.status, revision: updated!.revision, ...detail },
  });
  await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "postmortem", id: row.id, incidentId: row.incidentId });
  return updated!;
}

// Templates

export function assertTemplateKey(key: string): TemplateKey {
  if (!isTemplateKey(key)) throw new NotFoundError(`Postmortem template ${key}`);
  return key;
}

/** The organisation's edited template, or the built-in one until an admin edits it. */
export async function resolveTemplate(db: Queryable, organizationId: string, key: TemplateKey): Promise<PostmortemTemplateView> {
  const [row] = await db
    .select()
    .from(postmortemTemplate)
    .where(and(eq(postmortemTemplate.organizationId, organizationId), eq(postmortemTemplate.key, key)))
    .limit(1);
  if (!row) return { key, name: TEMPLATE_NAMES[key], content: builtinTemplate(key), customised: false, updatedBy: null, updatedAt: null };
  return { key, name: row.name, content: row.content as PostmortemDoc, customised: true, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/**
 * Review, approval and publication need the sections the postmortem's template marks
 * required to be written: 409 `required_sections_empty`, details naming each empty section.
 */
export async function assertRequiredSectionsWritten(db: Queryable, row: PostmortemRow, step: "submitted for review" | "approved" | "published"): Promise<void> {
  const template = await resolveTemplate(db, row.organizationId, assertTemplateKey(row.template));
  const empty = emptyRequiredSections(row.content as PostmortemDoc, template.content);
  if (empty.length === 0) return;
  const names = empty.map((e) => `“${e.section}”`).join(", ");
  throw new ConflictError(
    `This postmortem cannot be ${step} while required sections are empty: write ${names}.`,
    "required_sections_empty",
    empty,
  );
}

// Incident data in the document: snapshot and freeze

/**
 * The incident facts a postmortem shows: the incident view, action items, and the timeline
 * events its timeline blocks can show: the highlighted ones and every event of the kinds
 * the document `doc` selects (so an alert storm is not loaded unless a block shows alerts).
 */
export async function loadIncidentSnapshot(db: Queryable, row: IncidentRow, doc: PostmortemDoc): Promise<IncidentSnapshot> {
  const kinds = timelineKindsShown(doc);
  const shown = kinds.length ? or(eq(timelineEvent.highlighted, true), inArray(timelineEvent.kind, kinds)) : eq(timelineEvent.highlighted, true);
  const [view, events, items] = await Promise.all([
    loadIncidentView(db, row),
    db
      .select()
      .from(timelineEvent)
      .where(and(eq(timelineEvent.incidentId, row.id), shown))
      .orderBy(asc(timelineEvent.occurredAt), asc(timelineEvent.seq)),
    db
      .select({ item: actionItem, ownerName: user.name })
      .from(actionItem)
      .leftJoin(user, eq(user.id, actionItem.ownerId))
      .where(eq(actionItem.incidentId, row.id))
      .orderBy(asc(actionItem.createdAt), asc(actionItem.id)),
  ]);
  return {
    id: view.id,
    ref: view.ref,
    title: view.title,
    summary: view.summary,
    severity: view.severity,
    status: view.status,
    services: view.services,
    timestamps: {
      occurredAt: view.occurredAt,
      detectedAt: view.detectedAt,
      awareAt: view.awareAt,
      acknowledgedAt: view.acknowledgedAt,
      classifiedAt: view.classifiedAt,
      mitigatedAt: view.mitigatedAt,
      resolvedAt: view.resolvedAt,
    },
    responders: Object.entries(view.roles).map(([role, person]) => ({ role, name: person!.name || person!.email })),
    timeline: events.map((e) => ({ occurredAt: e.occurredAt.toISOString(), kind: e.kind, title: e.title, body: e.body, actor: e.actorLabel, highlighted: e.highlighted })),
    actionItems: items.map(({ item, ownerName }) => ({
      title: item.title,
      owner: ownerName,
      dueDate: item.dueDate,
      priority: item.priority,
      status: item.status,
      url: item.externalUrl,
    })),
  };
}

/** "INC-42-PM": the document's identifier in document control, stable across revisions. */
export function postmortemDocumentId(incidentRef: string): string {
  return `${incidentRef}-PM`;
}

/**
 * The postmortem's content with every data block filled from the incident as it is now:
 * stored on publish, and used to render drafts so exports never show empty blocks.
 */
export async function freezePostmortem(db: Queryable, row: PostmortemRow, status: string, capturedAt: Date): Promise<FrozenPostmortem> {
  const incidentRow = await findIncident(db, row.organizationId, row.incidentId);
  const [snapshot, authors, approvals] = await Promise.all([loadIncidentSnapshot(db, incidentRow, row.content as PostmortemDoc), loadPeople(db, row.authorIds), loadApprovals(db, row)]);
  const control: DocumentControlFacts = {
    documentId: postmortemDocumentId(snapshot.ref),
    revision: row.revision,
    status,
    authors: authors.map((a) => a.name),
    reviewers: approvals.map((a) => a.name),
    approvals: approvals.map((a) => ({ name: a.name, at: a.approvedAt })),
    confidentiality: DEFAULT_CONFIDENTIALITY,
  };
  const content = freezeDocument(row.content as PostmortemDoc, snapshot, control, capturedAt.toISOString());
  return { content, snapshot, control };
}

// Published revisions

export function parseRevisionNumber(value: unknown, field: string): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ValidationError(`${field} must be a revision number (1 or more).`, [{ field, message: "must be an integer ≥ 1" }]);
  return n;
}

export async function loadPublishedRevision(db: Queryable, row: PostmortemRow, revision: number): Promise<PostmortemRevisionView> {
  const [found] = await db
    .select()
    .from(postmortemRevision)
    .where(and(eq(postmortemRevision.postmortemId, row.id), eq(postmortemRevision.revision, revision)))
    .limit(1);
  if (!found) throw new NotFoundError(`Published revision ${revision} of postmortem ${row.id}`);
  return {
    postmortemId: row.id,
    revision: found.revision,
    content: found.content as PostmortemDoc,
    text: found.text,
    sha256: found.sha256,
    verified: contentSha256(found.content) === found.sha256,
    publishedAt: found.publishedAt.toISOString(),
    publishedBy: found.publishedBy,
  };
}

// Yjs

/** The Yjs state of a document, so collaboration starts from the stored JSON. */
export function ydocStateFromJson(content: PostmortemDoc): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(postmortemSchema(), content, COLLAB_FIELD);
  try {
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}
