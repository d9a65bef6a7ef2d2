import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { incident, regulatoryClassification } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { detectRecurringIncidents } from "@/lib/regulatory/recurrence";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createServiceContext, withTransaction } from "../context";
import { candidateFromLatest, latestDoraClassifications } from "./internal";

const CHECK_ACTOR: Actor = { type: "job", id: null, label: "Recurrence check" };

/**
 * The recurring-incident check of Delegated Regulation (EU) 2024/1772 Art. 8(2), which the
 * entity runs at least monthly: per organisation, incidents that are not major on their own
 * but recur with the same apparent root cause within 6 months and together meet the
 * criteria are classified as one major incident. Each member not yet classified so gets a
 * new classification (append-only, audited), which starts its DORA clocks. Running it again
 * changes nothing until the picture changes, so the worker may run it more often.
 */
export async function checkRecurringIncidents(db: Database, now = new Date()): Promise<{ organizations: number; groups: number; classified: string[] }> {
  const result = { organizations: 0, groups: 0, classified: [] as string[] };
  const orgs = await db.selectDistinct({ organizationId: regulatoryClassification.organizationId }).from(regulatoryClassification).where(eq(regulatoryClassification.regime, "dora"));
  for (const { organizationId } of orgs) {
    result.organizations++;
    const ctx = createServiceContext({ db, actor: CHECK_ACTOR, organizationId, role: "compliance" });
    await withTransaction(ctx, async (tx) => {
      // Several instances run the check; one at a time per organisation classifies a group once.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${"recurrence:" + organizationId}, 0))`);
      const latest = await latestDoraClassifications(tx, organizationId);
      const groups = detectRecurringIncidents(latest.map(candidateFromLatest), now.toISOString());
      result.groups += groups.length;
      for (const group of groups) {
        const recurring = { incidents: group.incidents, rootCause: group.rootCause };
        for (const member of latest.filter((l) => group.incidents.includes(formatIncidentRef(l.incident.number)))) {
          const already = member.classification.recurring;
          if (already && already.rootCause === recurring.rootCause && recurring.incidents.every((ref) => already.incidents.includes(ref))) continue;
          const [row] = await tx
            .insert(regulatoryClassification)
            .values({
              id: randomUUID(),
              organizationId,
              incidentId: member.incident.id,
              regime: "dora",
              // Its own figures: the group's combined figures are in the result.
              criteria: member.classification.criteria,
              result: { ...group.classification, combinedCriteria: group.combinedCriteria },
              reportable: true,
              recurring,
              classifiedAt: now,
              classifiedById: null,
              classifiedBy: CHECK_ACTOR.label,
            })
            .returning();
          if (!member.incident.classifiedAt) {
            await tx.update(incident).set({ classifiedAt: now, updatedAt: now }).where(eq(incident.id, member.incident.id));
            await recordAudit(tx, { ...auditFrom(ctx), action: "incident.updated", targetType: "incident", targetId: member.incident.id, before: { classifiedAt: null }, after: { classifiedAt: now.toISOString() } });
          }
          await recordAudit(tx, {
            ...auditFrom(ctx),
            action: "incident.classified",
            targetType: "regulatory_classification",
            targetId: row!.id,
            after: { incidentId: member.incident.id, regime: "dora", major: true, criteriaMet: group.classification.criteriaMet, criteria: member.classification.criteria, classifiedAt: now },
          });
          result.classified.push(formatIncidentRef(member.incident.number));
        }
      }
    });
  }
  return result;
}
