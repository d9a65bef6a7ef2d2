import { z } from "zod";
import { CHANGE_KINDS } from "@/lib/ingest/types";
import { DEFAULT_LOOKBACK_MS, MAX_LOOKBACK_MS } from "@/lib/correlation/suspect-changes";
import { commaSeparated, timestampSchema } from "@/lib/services/input-primitives";
import { pageLimitSchema } from "../paging";
import { CHANGE_MARKS } from "./views";

const list = z
  .string()
  .max(2000)
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean));

export const listChangesInput = z.object({
  service: list.optional(),
  environment: list.optional(),
  kind: commaSeparated(CHANGE_KINDS).optional(),
  /** changes on the services a team owns: with `since`, the team's "since yesterday" view */
  team: z.string().trim().min(1).max(100).optional(),
  /** true: only changes no catalogue service matched; false: only mapped ones */
  unmapped: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  since: timestampSchema.optional(),
  until: timestampSchema.optional(),
  limit: pageLimitSchema,
  cursor: z.string().max(500).optional(),
});

export const listSuspectChangesInput = z.object({
  lookback: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LOOKBACK_MS / 60_000)
    .default(DEFAULT_LOOKBACK_MS / 60_000)
    .describe("minutes before onset to look at: default 120, at most 20160 (14 days)"),
  limit: pageLimitSchema,
});

export const markChangeInput = z.object({ mark: z.enum(CHANGE_MARKS).nullable() }).strict();
