import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { regulatoryClassification, regulatoryReport } from "@/db/schema";
import { buildReport } from "@/lib/regulatory/build-report";
import { reportTypesOf } from "@/lib/regulatory/regimes";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput, ValidationError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { createReportInput } from "./inputs";
import { incidentDeadlines, loadReportSource, loadReportView, reportLabel, requireReportingEntity } from "./internal";
import type { ReportView } from "./views";

/**
 * Drafts a report pre-filled from the entity, the incident, its latest classification under
 * the regime, its timeline and its published postmortem. One open draft per regime and type;
 * after a submission, a new report of the same type is a correction of it.
 */
export async function createReport(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<ReportView> {
  requirePermission(ctx, "regulatory:prepare");
  const input = parseInput(createReportInput, rawInput);
  if (!reportTypesOf(input.regime).includes(input.type)) {
    throw new ValidationError(`${input.regime.toUpperCase()} has no ${input.type} report.`, [
      { field: "type", message: `must be one of ${reportTypesOf(input.regime).join(", ")} for ${input.regime}` },
    ]);
  }
  return withTransaction(ctx, async (tx) => {
    const inc = await findIncident(tx, ctx.organizationId, idOrRef, true);
    const entity = await requireReportingEntity(tx, ctx.organizationId);
    const [classified] = await tx
      .select({ id: regulatoryClassification.id })
      .from(regulatoryClassification)
      .where(and(eq(regulatoryClassification.incidentId, inc.id), eq(regulatoryClassification.regime, input.regime)))
      .limit(1);
    if (!classified) throw new ConflictError(`Classify the incident under ${input.regime.toUpperCase()} before drafting its reports.`, "classification_required");
    const earlier = await tx
      .select()
      .from(regulatoryReport)
      .where(and(eq(regulatoryReport.incidentId, inc.id), eq(regulatoryReport.regime, input.regime), eq(regulatoryReport.type, input.type)))
      .orderBy(desc(regulatoryReport.createdAt));
    const open = earlier.find((r) => r.status !== "submitted");
    if (open) throw new ConflictError(`There is already a ${reportLabel(input.regime, input.type).toLowerCase()} in progress for this incident (report ${open.id}, ${open.status.replace("_", " ")}).`, "report_in_progress", { reportId: open.id });
    const corrects = earlier.find((r) => r.status === "submitted") ?? null;
    const content = buildReport(input.regime, input.type, await loadReportSource(tx, inc, input.regime, entity));
    const deadline = (await incidentDeadlines(tx, inc, entity)).find((d) => d.regime === input.regime && d.report === input.type && !d.submittedAt);
    const dueAt = deadline?.dueAt ? new Date(deadline.dueAt) : null;
    const authorId = ctx.actor.id;
    const [row] = await tx
      .insert(regulatoryReport)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        incidentId: inc.id,
        regime: input.regime,
        type: input.type,
        status: "draft",
        dueAt,
        content,
        correctsReportId: corrects?.id ?? null,
        preparedById: authorId,
        preparedBy: ctx.actor.label,
        authorIds: authorId ? [authorId] : [],
      })
      .returning();
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "regulatory_report.created",
      targetType: "regulatory_report",
      targetId: row!.id,
      after: { status: "draft", regime: input.regime, type: input.type, incidentId: inc.id, correctsReportId: corrects?.id ?? null, dueAt },
    });
    return loadReportView(tx, row!);
  });
}
