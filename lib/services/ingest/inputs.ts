import { z } from "zod";
import { commaSeparated } from "@/lib/services/input-primitives";
import { pageLimitSchema } from "../paging";
import { DELIVERY_STATUSES } from "./views";

export const listDeliveriesInput = z.object({
  status: commaSeparated(DELIVERY_STATUSES).optional(),
  integration: z.string().trim().min(1).max(100).optional(),
  limit: pageLimitSchema,
  cursor: z.string().max(500).optional(),
});
