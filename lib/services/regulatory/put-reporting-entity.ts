import { eq } from "drizzle-orm";
import { reportingEntity } from "@/db/schema";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { reportingEntityInput } from "./inputs";
import { toReportingEntity, toReportingEntityView, type ReportingEntityView } from "./views";

/** Sets the whole reporting-entity profile (one per organisation): compliance or admin. */
export async function putReportingEntity(ctx: ServiceContext, rawInput: unknown): Promise<ReportingEntityView> {
  requirePermission(ctx, "regulatory:approve");
  const input = parseInput(reportingEntityInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(reportingEntity).where(eq(reportingEntity.organizationId, ctx.organizationId)).for("update");
    const values = {
      name: input.name,
      lei: input.lei ?? null,
      entityType: input.entityType,
      country: input.country,
      competentAuthority: input.competentAuthority,
      contacts: input.contacts.map((c) => ({ name: c.name, email: c.email, phone: c.phone ?? null })),
      parentUndertaking: input.parentUndertaking ? { name: input.parentUndertaking.name, lei: input.parentUndertaking.lei ?? null } : null,
      significant: input.significant ?? false,
      currency: input.currency ?? null,
      updatedBy: ctx.actor.label,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(reportingEntity)
      .values({ organizationId: ctx.organizationId, ...values })
      .onConflictDoUpdate({ target: reportingEntity.organizationId, set: values })
      .returning();
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "reporting_entity.updated",
      targetType: "reporting_entity",
      targetId: ctx.organizationId,
      before: before ? toReportingEntity(before) : null,
      after: toReportingEntity(row!),
    });
    return toReportingEntityView(row!);
  });
}
