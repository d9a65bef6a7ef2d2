import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { incident, regulatoryClassification } from "@/db/schema";
import type { Transaction } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { classifyDora, type DoraCriteria } from "@/lib/regulatory/dora-classification";
import { classifyGdpr } from "@/lib/regulatory/gdpr-classification";
import { classifyNis2 } from "@/lib/regulatory/nis2-classification";
import { detectRecurringIncidents } from "@/lib/regulatory/recurrence";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput, ValidationError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import type { IncidentRow } from "../incidents/views";
import { classifyIncidentInput, type ClassifyIncidentInput } from "./inputs";
import { candidateFromLatest, incidentDeadlines, latestDoraClassifications, recurrenceCandidate, requireReportingEntity } from "./internal";
import { toClassificationView, type ClassificationView } from "./views";

/** Clock skew we tolerate on a classification time sent by a client. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

interface Decision {
  reportable: boolean;
  result: Record<string, unknown>;
  recurring: { incidents: string[]; rootCause: string } | null;
}

/**
 * Classifies an incident under one regime and stores the decision with its criteria, the
 * rule path and the clocks it starts. Append-only: a reclassification is a new row.
 */
export async function classifyIncident(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<ClassificationView> {
  requirePermission(ctx, "regulatory:prepare");
  const input = parseInput(classifyIncidentInput, rawInput);
  const now = new Date();
  const classifiedAt = input.classifiedAt ?? now;
  if (classifiedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new ValidationError("A classification cannot be dated in the future.", [{ field: "classifiedAt", message: "is in the future" }]);
  }
  return withTransaction(ctx, async (tx) => {
    const inc = await findIncident(tx, ctx.organizationId, idOrRef, true);
    const entity = await requireReportingEntity(tx, ctx.organizationId);
    const decision = input.regime === "dora" ? await decideDora(tx, ctx.organizationId, inc, input.criteria, classifiedAt) : decideOther(input);
    const [row] = await tx
      .insert(regulatoryClassification)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        incidentId: inc.id,
        regime: input.regime,
        criteria: input.criteria as Record<string, unknown>,
        result: decision.result,
        reportable: decision.reportable,
        recurring: decision.recurring,
        classifiedAt,
        classifiedById: ctx.actor.id,
        classifiedBy: ctx.actor.label,
      })
      .returning();
    // The incident's key time "classified" is when it first became reportable under DORA.
    if (input.regime === "dora" && decision.reportable && !inc.classifiedAt) {
      await tx.update(incident).set({ classifiedAt, updatedAt: now }).where(eq(incident.id, inc.id));
      await recordAudit(tx, { ...auditFrom(ctx), action: "incident.updated", targetType: "incident", targetId: inc.id, before: { classifiedAt: null }, after: { classifiedAt: classifiedAt.toISOString() } });
    }
    const view = toClassificationView(row!, (await incidentDeadlines(tx, inc, entity)).filter((d) => d.regime === input.regime));
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "incident.classified",
      targetType: "regulatory_classification",
      targetId: row!.id,
      after: { incidentId: inc.id, regime: input.regime, major: decision.reportable, criteriaMet: view.criteriaMet, criteria: view.criteria, classifiedAt },
    });
    return view;
  });
}

function decideOther(input: Exclude<ClassifyIncidentInput, { regime: "dora" }>): Decision {
  if (input.regime === "nis2") {
    const result = classifyNis2(input.criteria);
    return { reportable: result.significant, result: { ...result }, recurring: null };
  }
  const result = classifyGdpr(input.criteria);
  return { reportable: result.notifyAuthority, result: { ...result }, recurring: null };
}

/**
 * DORA, with Art. 8(2) of Delegated Regulation (EU) 2024/1772: an incident that is not major
 * on its own is part of a major one when it recurs with the same apparent root cause within
 * 6 months and the recurrences together meet the criteria.
 */
async function decideDora(tx: Transaction, organizationId: string, inc: IncidentRow, criteria: DoraCriteria, classifiedAt: Date): Promise<Decision> {
  const result = classifyDora(criteria);
  if (result.major) return { reportable: true, result: { ...result }, recurring: null };
  const candidates = (await latestDoraClassifications(tx, organizationId)).filter((r) => r.incident.id !== inc.id).map(candidateFromLatest);
  candidates.push(recurrenceCandidate(inc, false, criteria));
  const group = detectRecurringIncidents(candidates, classifiedAt.toISOString()).find((g) => g.incidents.includes(formatIncidentRef(inc.number)));
  if (!group) return { reportable: false, result: { ...result }, recurring: null };
  return { reportable: true, result: { ...group.classification, combinedCriteria: group.combinedCriteria }, recurring: { incidents: group.incidents, rootCause: group.rootCause } };
}
