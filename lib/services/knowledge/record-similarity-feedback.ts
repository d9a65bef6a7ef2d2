import { similarityFeedback } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError, parseInput } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { similarityFeedbackInput } from "./inputs";

/** A responder's judgement of one suggestion; the latest mark per pair wins. */
export async function recordSimilarityFeedback(ctx: ServiceContext, idOrRef: string, otherIdOrRef: string, rawInput: unknown): Promise<{ helpful: boolean }> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(similarityFeedbackInput, rawInput);
  await withTransaction(ctx, async (tx) => {
    const current = await findIncident(tx, ctx.organizationId, idOrRef);
    const other = await findIncident(tx, ctx.organizationId, otherIdOrRef).catch(() => {
      throw new NotFoundError(`Incident ${otherIdOrRef}`);
    });
    const values = { helpful: input.helpful, userId: ctx.actor.type === "user" ? ctx.actor.id : null, createdAt: new Date() };
    await tx
      .insert(similarityFeedback)
      .values({ incidentId: current.id, suggestedIncidentId: other.id, ...values })
      .onConflictDoUpdate({ target: [similarityFeedback.incidentId, similarityFeedback.suggestedIncidentId], set: values });
  });
  return { helpful: input.helpful };
}
