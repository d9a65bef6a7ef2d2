import { randomUUID } from "node:crypto";
import { postmortemTemplate } from "@/db/schema";
import { validatePostmortemDoc } from "@/lib/documents/validate-document";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { updatePostmortemTemplateInput } from "./inputs";
import { assertTemplateKey, resolveTemplate } from "./internal";
import type { PostmortemTemplateView } from "./views";

/** Admins edit a template; the document must be one the editor can load (validated against its schema). */
export async function updatePostmortemTemplate(ctx: ServiceContext, key: string, rawInput: unknown): Promise<PostmortemTemplateView> {
  requirePermission(ctx, "settings:manage");
  const templateKey = assertTemplateKey(key);
  const input = parseInput(updatePostmortemTemplateInput, rawInput);
  const checked = validatePostmortemDoc(input.content);
  if (!checked.ok) {
    throw new ValidationError(
      `The template is not a valid postmortem document: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
      checked.problems.map((p) => ({ field: p.path, message: p.message })),
    );
  }
  return withTransaction(ctx, async (tx) => {
    const before = await resolveTemplate(tx, ctx.organizationId, templateKey);
    const name = input.name ?? before.name;
    const now = new Date();
    await tx
      .insert(postmortemTemplate)
      .values({ id: randomUUID(), organizationId: ctx.organizationId, key: templateKey, name, content: checked.doc, updatedBy: ctx.actor.label, updatedAt: now })
      .onConflictDoUpdate({
        target: [postmortemTemplate.organizationId, postmortemTemplate.key],
        set: { name, content: checked.doc, updatedBy: ctx.actor.label, updatedAt: now },
      });
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "postmortem_template.updated",
      targetType: "postmortem_template",
      targetId: templateKey,
      before: { name: before.name, customised: before.customised },
      after: { name },
    });
    return resolveTemplate(tx, ctx.organizationId, templateKey);
  });
}
