import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { postmortem } from "@/db/schema";
import { documentText } from "@/lib/documents/doc-text";
import { prefillTemplate } from "@/lib/documents/prefill";
import { validatePostmortemDoc } from "@/lib/documents/validate-document";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { findIncident } from "../incidents/find-incident";
import { createPostmortemInput } from "./inputs";
import { loadIncidentSnapshot, resolveTemplate, ydocStateFromJson } from "./internal";
import type { CreatedPostmortem } from "./views";

/**
 * Opens the incident's postmortem from a template, pre-filled with the incident's data. The
 * Yjs state is built from the same JSON so the first collaborator starts from it.
 */
export async function createPostmortem(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<CreatedPostmortem> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(createPostmortemInput, rawInput ?? {});
  return withTransaction(ctx, async (tx) => {
    const owner = await findIncident(tx, ctx.organizationId, idOrRef, true);
    const [existing] = await tx.select({ id: postmortem.id }).from(postmortem).where(eq(postmortem.incidentId, owner.id)).limit(1);
    if (existing) throw new ConflictError(`This incident already has a postmortem (${existing.id}).`, "postmortem_exists");
    const template = await resolveTemplate(tx, ctx.organizationId, input.template);
    // Normalised through the editor schema, so the stored JSON is what the editor itself produces.
    const checked = validatePostmortemDoc(prefillTemplate(template.content, await loadIncidentSnapshot(tx, owner, template.content)));
    if (!checked.ok) throw new ConflictError(`The ${input.template} template is not a valid document: ${checked.problems[0]!.message}`, "invalid_template");
    const content = checked.doc;
    const id = randomUUID();
    const authorIds = ctx.actor.type === "user" && ctx.actor.id ? [ctx.actor.id] : [];
    await tx.insert(postmortem).values({
      id,
      organizationId: ctx.organizationId,
      incidentId: owner.id,
      template: input.template,
      status: "draft",
      revision: 1,
      ydoc: ydocStateFromJson(content),
      content,
      text: documentText(content),
      authorIds,
      createdBy: ctx.actor.id ?? ctx.actor.label,
    });
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "postmortem.created",
      targetType: "postmortem",
      targetId: id,
      after: { incidentId: owner.id, template: input.template, status: "draft", revision: 1 },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "postmortem", id, incidentId: owner.id });
    return { id, incidentId: owner.id, status: "draft" as const, revision: 1 };
  });
}
