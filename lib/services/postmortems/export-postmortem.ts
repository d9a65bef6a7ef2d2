import { z } from "zod";
import { bytesSha256, contentSha256 } from "@/lib/documents/content-hash";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { renderDocx } from "@/lib/documents/render/docx";
import { renderMarkdown } from "@/lib/documents/render/markdown";
import { renderPdf } from "@/lib/documents/render/pdf";
import type { RenderInput } from "@/lib/documents/render/render-types";
import { DEFAULT_CONFIDENTIALITY } from "@/lib/documents/incident-snapshot";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "../audit/record-audit";
import { findIncident } from "../incidents/find-incident";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { loadPublishedRevision } from "./get-postmortem-revision";
import { freezePostmortem, postmortemDocumentId } from "./postmortem-freeze";
import { findPostmortem } from "./postmortem-view";
import { findPdfFontFiles } from "./pdf-font-files";

export const EXPORT_FORMATS = {
  pdf: { contentType: "application/pdf", extension: "pdf", render: (input: RenderInput) => renderPdf(input, findPdfFontFiles()) },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx", render: renderDocx },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md", render: async (input: RenderInput) => new TextEncoder().encode(renderMarkdown(input)) },
} as const;

export const exportPostmortemInput = z
  .object({
    format: z.enum(["pdf", "docx", "md"]),
    revision: z.coerce.number().int().min(1).optional(),
  })
  .strict();

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

/**
 * Renders a published revision, or the current text (data blocks filled with the incident's
 * data as it is now) when no revision is named and the current one is not published. The
 * export is audited with its hash, so a document handed to an auditor can be traced back.
 */
export async function exportPostmortem(ctx: ServiceContext, id: string, rawInput: unknown): Promise<PostmortemExport> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(exportPostmortemInput, rawInput);
  const row = await findPostmortem(ctx.db, ctx.organizationId, id);
  const incidentRow = await findIncident(ctx.db, ctx.organizationId, row.incidentId);
  const now = new Date();
  let content: PostmortemDoc;
  let revision: number;
  let status: string;
  if (input.revision !== undefined || row.status === "published") {
    const published = await loadPublishedRevision(ctx.db, row, input.revision ?? row.revision);
    ({ content, revision } = published);
    status = `published ${published.publishedAt.replace("T", " ").replace(/(\.\d{3})?Z$/, "")} UTC by ${published.publishedBy}`;
  } else {
    content = (await freezePostmortem(ctx.db, row, row.status, now)).content;
    revision = row.revision;
    status = `${row.status.replace("_", " ")}: not published, data as of generation time`;
  }
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
    },
  });
  const sha256 = bytesSha256(bytes);
  await withTransaction(ctx, (tx) =>
    recordAudit(tx, {
      ...auditFrom(ctx),
      action: "postmortem.exported",
      targetType: "postmortem",
      targetId: row.id,
      after: { format: input.format, revision, published: status.startsWith("published"), sha256, contentSha256: hash, bytes: bytes.length },
    }),
  );
  return { bytes, filename: `${ref}-postmortem-r${revision}.${format.extension}`, contentType: format.contentType, sha256, contentSha256: hash, revision };
}
