import { z } from "zod";
import { commaSeparated } from "@/lib/services/input-primitives";
import { pageLimitSchema } from "../paging";

export const listAlertsInput = z.object({
  status: commaSeparated(["firing", "resolved"]).optional(),
  service: z.string().trim().min(1).max(1000).optional(),
  incident: z.string().trim().min(1).max(100).optional(),
  triage: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: pageLimitSchema,
  cursor: z.string().max(500).optional(),
});

export const attachAlertInput = z.object({ alertId: z.string().trim().min(1, "is required").max(100) }).strict();
