import { bytesSha256, contentSha256 } from "@/lib/documents/content-hash";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { renderDocx } from "@/lib/documents/render/docx";
import { renderMarkdown } from "@/lib/documents/render/markdown";
import { renderPdf } from "@/lib/documents/render/pdf";
import type { RenderInput } from "@/lib/documents/render/render-types";
import { DEFAULT_CONFIDENTIALITY } from "@/lib/documents/incident-snapshot";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { findIncident } from "../incidents/find-incident";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { findPdfFontFiles } from "./find-pdf-font-files";
import { findPostmortem } from "./find-postmortem";
import { exportPostmortemInput } from "./inputs";
import { freezePostmortem, loadApprovals, loadPublishedRevision, postmortemDocumentId } from "./internal";
import type { PostmortemExport } from "./views";

const EXPORT_FORMATS = {
  pdf: { contentType: "application/pdf", extension: "pdf", render: (input: RenderInput) => renderPdf(input, findPdfFontFiles()) },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx", render: renderDocx },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md", render: async (input: RenderInput) => new TextEncoder().encode(renderMarkdown(input)) },
} as const;

/**
 * Renders a published revision, or the current text (data blocks filled with the incident's
 * data as it is now) when no revision is named and the current one is not published. The
 * export is audited with its hash, so a document handed to an auditor can be traced back.
 */
export async function exportPostmortem(ctx: ServiceContext, id: string, rawInput: unknown): Promise<PostmortemExport> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(exportPostmortemInput, rawInput);
  const now = new Date();
  // The rows are read in one transaction; rendering runs outside it, so a slow PDF does not
  // hold a connection (PGlite has only one), and the audit row is written after it.
  const { row, incidentRow, content, revision, status, published, approvals } = await withTransaction(ctx, async (tx) => {
    const row = await findPostmortem(tx, ctx.organizationId, id);
    const incidentRow = await findIncident(tx, ctx.organizationId, row.incidentId);
    if (input.revision !== undefined || row.status === "published") {
      const published = await loadPublishedRevision(tx, row, input.revision ?? row.revision);
      const status = `published ${published.publishedAt.replace("T", " ").replace(/(\.\d{3})?Z$/, "")} UTC by ${published.publishedBy}`;
      const approvals = await loadApprovals(tx, row, published.revision);
      return { row, incidentRow, content: published.content, revision: published.revision, status, published: true, approvals };
    }
    const content: PostmortemDoc = (await freezePostmortem(tx, row, row.status, now)).content;
    const approvals = await loadApprovals(tx, row);
    return { row, incidentRow, content, revision: row.revision, status: `${row.status.replace("_", " ")}: not published, data as of generation time`, published: false, approvals };
  });
  const ref = formatIncidentRef(incidentRow.number);
  const hash = contentSha256(content);
  const format = EXPORT_FORMATS[input.format];
  const bytes = await format.render({
    doc: content,
    meta: {
      title: `Postmortem: ${ref} ${incidentRow.title}`,
      incidentRef: ref,
      documentId: postmortemDocumentId(ref),
      revision,
      status,
      generatedBy: ctx.actor.label,
      generatedAt: now.toISOString(),
      contentSha256: hash,
      confidentiality: DEFAULT_CONFIDENTIALITY,
      published,
      approvals: approvals.map((a) => ({ name: a.name, revision, at: a.approvedAt })),
    },
  });
  const sha256 = bytesSha256(bytes);
  await withTransaction(ctx, (tx) =>
    recordAudit(tx, {
      ...auditFrom(ctx),
      action: "postmortem.exported",
      targetType: "postmortem",
      targetId: row.id,
      after: { format: input.format, revision, published, sha256, contentSha256: hash, bytes: bytes.length },
    }),
  );
  return { bytes, filename: `${ref}-postmortem-r${revision}.${format.extension}`, contentType: format.contentType, sha256, contentSha256: hash, revision };
}
