import { and, eq } from "drizzle-orm";
import { incident, user } from "@/db/schema";
import { userActor } from "@/lib/core/actor";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { approveReport } from "@/lib/services/regulatory/approve-report";
import { classifyIncident } from "@/lib/services/regulatory/classify-incident";
import { createReport } from "@/lib/services/regulatory/create-report";
import { markReportSubmitted } from "@/lib/services/regulatory/mark-report-submitted";
import { putReportingEntity } from "@/lib/services/regulatory/put-reporting-entity";
import { setIncidentRootCause } from "@/lib/services/regulatory/set-incident-root-cause";
import { submitReportForReview } from "@/lib/services/regulatory/submit-report-for-review";

/** The demo bank as a reporting entity: a Danish credit institution supervised by Finanstilsynet. */
const DEMO_REPORTING_ENTITY = {
  name: "Demo Bank A/S",
  lei: "529900DEMOBANK0DK072",
  entityType: "credit_institution",
  country: "DK",
  competentAuthority: "Finanstilsynet (Danish FSA)",
  contacts: [
    { name: "Clara Nyström", email: "clara.compliance@demo-bank.example", phone: "+45 70 20 30 40" },
    { name: "Dana Demo", email: "demo@demo-bank.example", phone: "+45 70 20 30 41" },
  ],
  currency: "DKK",
} as const;

/** The salary-day capacity incident of the recent stories is the demo's major ICT-related incident. */
export const DEMO_MAJOR_INCIDENT_TITLE = "Salary-day peak: pods Pending, node pool not scaling";
const HOUR = 3600_000;

async function personContext(ctx: ServiceContext, email: string, role: "compliance" | "admin"): Promise<ServiceContext> {
  const [person] = await ctx.db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(eq(user.email, email));
  if (!person) throw new Error(`The demo seed has no ${email}.`);
  return createServiceContext({ db: ctx.db, actor: userActor(person), organizationId: ctx.organizationId, role });
}

/**
 * The reporting entity and one major incident under DORA: classified by compliance, its
 * initial notification prepared by one officer, approved by another person and submitted
 * within its 4 hours, and the intermediate report drafted and due, so the compliance page
 * and the incident's clocks are never empty on first look.
 */
export async function seedDemoRegulatory(ctx: ServiceContext): Promise<void> {
  const clara = await personContext(ctx, "clara.compliance@demo-bank.example", "compliance");
  const dana = await personContext(ctx, "demo@demo-bank.example", "admin");
  await putReportingEntity(clara, DEMO_REPORTING_ENTITY);
  const [major] = await ctx.db
    .select()
    .from(incident)
    .where(and(eq(incident.organizationId, ctx.organizationId), eq(incident.title, DEMO_MAJOR_INCIDENT_TITLE)));
  if (!major) return;
  const ref = formatIncidentRef(major.number);
  const awareAt = (major.awareAt ?? major.detectedAt ?? major.occurredAt ?? major.createdAt).getTime();
  await setIncidentRootCause(clara, ref, {
    categories: ["system_failure_malfunction"],
    details: ["system_failure_hardware_capacity_and_performance"],
    additional: [],
  });
  await classifyIncident(clara, ref, {
    regime: "dora",
    classifiedAt: new Date(awareAt + HOUR).toISOString(),
    criteria: {
      criticalServicesAffected: true,
      maliciousUnauthorisedAccess: false,
      clientsAffected: 61_000,
      clientsAffectedPercent: 14,
      transactionsAffectedPercent: 12,
      reputationalImpact: ["media", "complaints"],
      durationHours: 3.5,
      serviceDowntimeHours: 2.5,
      memberStatesAffected: ["DK", "SE"],
      economicImpactEur: 45_000,
    },
  });
  const initial = await createReport(clara, ref, { regime: "dora", type: "initial" });
  await submitReportForReview(clara, initial.id);
  await approveReport(dana, initial.id);
  await markReportSubmitted(clara, initial.id, { authorityReference: "FT-DORA-2026-0117", submittedAt: new Date(awareAt + 3 * HOUR).toISOString() });
  await createReport(clara, ref, { regime: "dora", type: "intermediate" });
}
