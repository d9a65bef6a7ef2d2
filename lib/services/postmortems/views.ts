import { asc, eq } from "drizzle-orm";
import { postmortemRevision, type postmortem } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { PostmortemStatus } from "@/lib/core/postmortem-workflow";
import type { DocumentComparison } from "@/lib/documents/compare";
import type { DocumentControlFacts, IncidentSnapshot } from "@/lib/documents/incident-snapshot";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import type { TemplateKey } from "@/lib/documents/templates/builtin-templates";
import { loadApprovals, loadPeople } from "./internal";

export type PostmortemRow = typeof postmortem.$inferSelect;

/** The Yjs fragment the tiptap Collaboration extension binds to by default. */
export const COLLAB_FIELD = "default";

export interface PersonName {
  id: string;
  name: string;
}

/** The public shape of a postmortem (API.md "Postmortems and action items"). */
export interface PostmortemView {
  id: string;
  incidentId: string;
  status: PostmortemStatus;
  revision: number;
  template: string;
  content: PostmortemDoc;
  text: string;
  authors: PersonName[];
  approvals: Array<PersonName & { approvedAt: string }>;
  publishedRevisions: Array<{ revision: number; sha256: string; publishedAt: string; publishedBy: string }>;
  createdAt: string;
  updatedAt: string;
}

export interface CreatedPostmortem {
  id: string;
  incidentId: string;
  status: "draft";
  revision: number;
}

export interface PostmortemSummary {
  id: string;
  incidentId: string;
  incidentRef: string;
  incidentTitle: string;
  status: string;
  revision: number;
  template: string;
  updatedAt: string;
}

export interface PostmortemRevisionView {
  postmortemId: string;
  revision: number;
  content: PostmortemDoc;
  text: string;
  sha256: string;
  /** the stored hash still matches the stored content */
  verified: boolean;
  publishedAt: string;
  publishedBy: string;
}

export interface PostmortemComparisonView extends DocumentComparison {
  from: number;
  to: number;
}

export interface PostmortemTemplateView {
  key: TemplateKey;
  name: string;
  content: PostmortemDoc;
  /** false while the organisation uses the built-in version */
  customised: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface PostmortemExport {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
  /** SHA-256 of the file bytes */
  sha256: string;
  /** SHA-256 of the canonical JSON of the content rendered */
  contentSha256: string;
  revision: number;
}

export interface FrozenPostmortem {
  content: PostmortemDoc;
  snapshot: IncidentSnapshot;
  control: DocumentControlFacts;
}

/** What the collaboration server saves (savePostmortemState). */
export interface PostmortemState {
  /** Y.encodeStateAsUpdate of the whole document: the source of truth */
  ydocUpdate: Uint8Array;
  /** editor JSON and plain text derived from it, for export and search */
  content: PostmortemDoc;
  text: string;
  /** users whose edits this save contains: they become authors */
  editorUserIds: string[];
  /** when given, the postmortem must belong to this organisation */
  organizationId?: string;
}

export async function loadPostmortemView(db: Queryable, row: PostmortemRow): Promise<PostmortemView> {
  const [authors, approvals, revisions] = await Promise.all([
    loadPeople(db, row.authorIds),
    loadApprovals(db, row),
    db
      .select({
        revision: postmortemRevision.revision,
        sha256: postmortemRevision.sha256,
        publishedAt: postmortemRevision.publishedAt,
        publishedBy: postmortemRevision.publishedBy,
      })
      .from(postmortemRevision)
      .where(eq(postmortemRevision.postmortemId, row.id))
      .orderBy(asc(postmortemRevision.revision)),
  ]);
  return {
    id: row.id,
    incidentId: row.incidentId,
    status: row.status as PostmortemStatus,
    revision: row.revision,
    template: row.template,
    content: row.content as PostmortemDoc,
    text: row.text,
    authors,
    approvals,
    publishedRevisions: revisions.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
