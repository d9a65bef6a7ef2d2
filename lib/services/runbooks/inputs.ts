import { z } from "zod";

const names = z.array(z.string().trim().min(1).max(200)).max(50);
const safeUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000);

export const createRunbookInput = z.strictObject({
  title: z.string().trim().min(1, "is required").max(200),
  // Stored as written; rendered only through the safe Markdown view.
  body: z.string().max(200_000),
  services: names.optional(),
  alertNames: names.optional(),
  tags: names.optional(),
  ownerTeam: z.string().trim().max(100).nullable().optional(),
  sourceUrl: safeUrl.nullable().optional(),
});
export const updateRunbookInput = createRunbookInput.partial();

export const syncRunbooksInput = z.strictObject({
  repository: z.string().trim().regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/repo"),
  ref: z.string().trim().min(1).max(200).optional(),
  path: z.string().trim().max(500).default(""),
  publishedUrlPattern: z.url({ protocol: /^https?$/ }).max(500).optional(),
});

export const tickStepInput = z.strictObject({
  runbookId: z.string().min(1).max(100),
  step: z.number().int().min(1).max(1000),
  checked: z.boolean(),
});
