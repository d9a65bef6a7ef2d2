import { eq } from "drizzle-orm";
import { incident, type IncidentRootCause } from "@/db/schema";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { rootCauseInput } from "./inputs";

/** The incident's structured root cause (DORA template 4.1–4.4), which fills the final report and groups recurring incidents. */
export async function setIncidentRootCause(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<IncidentRootCause> {
  requirePermission(ctx, "regulatory:prepare");
  const input = parseInput(rootCauseInput, rawInput);
  const rootCause: IncidentRootCause = { categories: input.categories, details: input.details, additional: input.additional, other: input.other ?? null };
  return withTransaction(ctx, async (tx) => {
    const inc = await findIncident(tx, ctx.organizationId, idOrRef, true);
    await tx.update(incident).set({ rootCause, updatedAt: new Date() }).where(eq(incident.id, inc.id));
    await recordAudit(tx, { ...auditFrom(ctx), action: "incident.root_cause_set", targetType: "incident", targetId: inc.id, before: inc.rootCause ?? null, after: rootCause });
    return rootCause;
  });
}
