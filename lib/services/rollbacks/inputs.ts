import { z } from "zod";

/** POST /api/v1/incidents/{idOrRef}/rollbacks (and its preview): the change to roll back. */
export const rollbackInput = z.strictObject({
  changeId: z.string().trim().min(1, "is required").max(200),
});
