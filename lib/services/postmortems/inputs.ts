import { z } from "zod";
import { POSTMORTEM_STATUSES } from "@/lib/core/postmortem-workflow";
import { TEMPLATE_KEYS } from "@/lib/documents/templates/builtin-templates";

export const createPostmortemInput = z.object({ template: z.enum(TEMPLATE_KEYS).default("standard") }).strict();

export const listPostmortemsQuery = z.strictObject({
  status: z.enum(POSTMORTEM_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const exportPostmortemInput = z
  .object({
    format: z.enum(["pdf", "docx", "md"]),
    revision: z.coerce.number().int().min(1).optional(),
  })
  .strict();

export const updatePostmortemTemplateInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    content: z.record(z.string(), z.unknown()),
  })
  .strict();
