import type { Queryable } from "@/db/client";
import { freezeDocument } from "@/lib/documents/freeze-document";
import { DEFAULT_CONFIDENTIALITY, type DocumentControlFacts, type IncidentSnapshot } from "@/lib/documents/incident-snapshot";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { findIncident } from "../incidents/find-incident";
import { loadIncidentSnapshot } from "./load-incident-snapshot";
import { loadApprovals, loadPeople, type PostmortemRow } from "./postmortem-view";

export interface FrozenPostmortem {
  content: PostmortemDoc;
  snapshot: IncidentSnapshot;
  control: DocumentControlFacts;
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
  const [snapshot, authors, approvals] = await Promise.all([loadIncidentSnapshot(db, incidentRow), loadPeople(db, row.authorIds), loadApprovals(db, row)]);
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
