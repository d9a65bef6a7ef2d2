import { z } from "zod";

export const SEARCH_TYPES = ["incident", "postmortem", "runbook", "timeline"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Longer input is cut: a search box is not a document, and the cap bounds the query plan. */
const MAX_SEARCH_CHARS = 500;

export const searchInput = z.object({
  q: z.string().default("").transform((q) => q.slice(0, MAX_SEARCH_CHARS)),
  type: z.enum(SEARCH_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
