import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { incident, incidentService, postmortem, postmortemRevision, regulatoryClassification, regulatoryReport, reportingEntity, service, timelineEvent } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { AuditAction, AuditChange } from "@/lib/core/audit-actions";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { nodeText } from "@/lib/documents/doc-text";
import { computeDeadlines, deadlineStatus, type ClockEvents, type Deadline } from "@/lib/regulatory/clocks";
import { REGIMES, REPORT_TYPE_LABELS, type Regime, type ReportingEntity, type ReportType } from "@/lib/regulatory/regimes";
import type { DoraCriteria } from "@/lib/regulatory/dora-classification";
import type { RecurrenceCandidate } from "@/lib/regulatory/recurrence";
import type { ReportSource, SourceClassification } from "@/lib/regulatory/report-source";
import type { RootCauseCodes } from "@/lib/regulatory/root-causes";
import { missingForNextReport, validateReport } from "@/lib/regulatory/validate-report";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import type { ServiceContext } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import type { IncidentRow } from "../incidents/views";
import type { ReportStatus } from "./inputs";
import { toReportingEntity, type ClassificationRow, type ClockView, type ReportRow, type ReportSummary, type ReportView } from "./views";

// The reporting entity

export async function loadReportingEntity(db: Queryable, organizationId: string): Promise<ReportingEntity | null> {
  const [row] = await db.select().from(reportingEntity).where(eq(reportingEntity.organizationId, organizationId)).limit(1);
  return row ? toReportingEntity(row) : null;
}

/** Classifying and reporting need the entity: its country's calendar moves deadlines and it fills section 1. */
export async function requireReportingEntity(db: Queryable, organizationId: string): Promise<ReportingEntity> {
  const entity = await loadReportingEntity(db, organizationId);
  if (!entity) throw new ConflictError("Set up the reporting entity first (Compliance → Reporting entity): its Member State's calendar sets the deadlines and its details fill the reports.", "reporting_entity_required");
  return entity;
}

// Reports

export async function findReport(db: Queryable, organizationId: string, id: string, forUpdate = false): Promise<ReportRow> {
  const query = db
    .select()
    .from(regulatoryReport)
    .where(and(eq(regulatoryReport.organizationId, organizationId), eq(regulatoryReport.id, id)))
    .limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError(`Report ${id}`);
  return row;
}

export function assertReportStatus(row: ReportRow, allowed: ReportStatus[], doing: string): void {
  if (allowed.includes(row.status as ReportStatus)) return;
  const why =
    row.status === "submitted"
      ? "it was submitted to the authority and is frozen; a correction is a new report of the same type"
      : `it is ${row.status.replace("_", " ")} (this needs ${allowed.map((s) => s.replace("_", " ")).join(" or ")})`;
  throw new ConflictError(`This report cannot be ${doing}: ${why}.`, row.status === "submitted" ? "report_submitted" : "invalid_report_status");
}

/** One workflow step on a report: the change and its audit row, in the caller's transaction. */
export async function commitReportStep<A extends AuditAction>(tx: Queryable, ctx: ServiceContext, row: ReportRow, set: Partial<ReportRow>, audit: AuditChange<A>): Promise<ReportRow> {
  const [updated] = await tx
    .update(regulatoryReport)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(regulatoryReport.id, row.id))
    .returning();
  await recordAudit<A>(tx, { ...auditFrom(ctx), targetId: row.id, ...audit });
  return updated!;
}

export function reportStep(row: ReportRow): { status: string; regime: string; type: string } {
  return { status: row.status, regime: row.regime, type: row.type };
}

export function reportLabel(regime: string, type: string): string {
  return REPORT_TYPE_LABELS[regime as Regime]?.[type as ReportType] ?? `${regime} ${type}`;
}

function matchingDeadline(row: ReportRow, deadlines: Deadline[]): Deadline | undefined {
  const own = deadlines.filter((d) => d.regime === row.regime && d.report === row.type);
  if (row.submittedAt) return own.find((d) => d.submittedAt === row.submittedAt!.toISOString()) ?? own.at(-1);
  return own.find((d) => !d.submittedAt) ?? own.at(-1);
}

export function toReportSummary(row: ReportRow, incidentNumber: number, deadlines: Deadline[]): ReportSummary {
  const validation = validateReport(row.regime as Regime, row.type as ReportType, row.content);
  const due = matchingDeadline(row, deadlines);
  return {
    id: row.id,
    incidentId: row.incidentId,
    incidentRef: formatIncidentRef(incidentNumber),
    regime: row.regime as Regime,
    type: row.type as ReportType,
    label: reportLabel(row.regime, row.type),
    status: row.status as ReportStatus,
    dueAt: due ? due.dueAt : (row.dueAt?.toISOString() ?? null),
    validation,
    correctsReportId: row.correctsReportId,
    preparedBy: row.preparedBy,
    submittedForReviewAt: row.submittedForReviewAt?.toISOString() ?? null,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: row.submittedBy,
    authorityReference: row.authorityReference,
    hash: row.contentSha256,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function loadReportView(db: Queryable, row: ReportRow): Promise<ReportView> {
  const [inc] = await db.select().from(incident).where(eq(incident.id, row.incidentId)).limit(1);
  const entity = await loadReportingEntity(db, row.organizationId);
  const deadlines = inc && entity ? await incidentDeadlines(db, inc, entity) : [];
  const summary = toReportSummary(row, inc?.number ?? 0, deadlines);
  const next = missingForNextReport(row.regime as Regime, row.type as ReportType, row.content);
  return { ...summary, content: row.content, nextReport: next ? { type: next.next, errors: next.errors } : null };
}

// Clocks

/** The regime's events for the clocks: awareness, every classification, every submission. */
function clockEvents(inc: IncidentRow, classifications: ClassificationRow[], submissions: Array<{ type: string; submittedAt: Date | null }>): ClockEvents {
  const awareAt = inc.awareAt ?? inc.detectedAt ?? inc.occurredAt ?? inc.createdAt;
  const recoveredAt = inc.mitigatedAt ?? inc.resolvedAt;
  return {
    awareAt: awareAt.toISOString(),
    classifications: classifications.map((c) => ({ at: c.classifiedAt.toISOString(), reportable: c.reportable })),
    submissions: submissions.filter((s) => s.submittedAt).map((s) => ({ report: s.type as ReportType, at: s.submittedAt!.toISOString() })),
    recoveredAt: recoveredAt?.toISOString() ?? null,
  };
}

/** Every regime's deadlines for the incident, recomputed from its classifications and submissions (they move as reports are submitted). */
export async function incidentDeadlines(db: Queryable, inc: IncidentRow, entity: ReportingEntity, extra: ClassificationRow[] = []): Promise<Deadline[]> {
  const classifications = [
    ...(await db.select().from(regulatoryClassification).where(eq(regulatoryClassification.incidentId, inc.id)).orderBy(asc(regulatoryClassification.classifiedAt))),
    ...extra,
  ];
  const submissions = await db
    .select({ regime: regulatoryReport.regime, type: regulatoryReport.type, submittedAt: regulatoryReport.submittedAt })
    .from(regulatoryReport)
    .where(and(eq(regulatoryReport.incidentId, inc.id), isNotNull(regulatoryReport.submittedAt)));
  return REGIMES.flatMap((regime) => {
    const own = classifications.filter((c) => c.regime === regime);
    if (own.length === 0) return [];
    return computeDeadlines(
      regime,
      clockEvents(
        inc,
        own,
        submissions.filter((s) => s.regime === regime),
      ),
      entity,
    );
  });
}

export function toClockView(deadline: Deadline, reports: Array<Pick<ReportRow, "id" | "regime" | "type" | "createdAt">>, now: Date): ClockView {
  const report = reports.filter((r) => r.regime === deadline.regime && r.type === deadline.report).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return {
    regime: deadline.regime,
    report: deadline.report,
    label: deadline.label,
    dueAt: deadline.dueAt,
    rule: deadline.rule,
    anchor: deadline.anchor,
    movedFrom: deadline.movedFrom,
    status: deadlineStatus(deadline, now),
    submittedAt: deadline.submittedAt,
    late: deadline.late,
    ifLate: deadline.ifLate,
    reportId: report?.id ?? null,
  };
}

// What a report is pre-filled from

const POSTMORTEM_SECTIONS: Record<keyof Omit<NonNullable<ReportSource["postmortem"]>, "publishedAt">, RegExp> = {
  summary: /^summary/i,
  rootCause: /^root cause/i,
  resolution: /^(recovery|resolution|remediation)/i,
  lessons: /^lessons/i,
};

/** The text under each top-level section heading of a published postmortem. */
function postmortemSections(doc: JSONContent): Record<string, string> {
  const sections: Record<string, string[]> = {};
  let current: string | null = null;
  for (const node of doc.content ?? []) {
    if (node.type === "heading" && (node.attrs?.level ?? 1) <= 2) {
      current = nodeText(node).trim();
      sections[current] = [];
    } else if (current) sections[current]!.push(nodeText(node));
  }
  return Object.fromEntries(Object.entries(sections).map(([title, parts]) => [title, parts.join("\n").trim()]));
}

function sectionMatching(sections: Record<string, string>, pattern: RegExp): string | null {
  const entry = Object.entries(sections).find(([title, body]) => pattern.test(title) && body);
  return entry?.[1] ?? null;
}

/** Everything the report builders need, loaded for one incident and regime. */
export async function loadReportSource(db: Queryable, inc: IncidentRow, regime: Regime, entity: ReportingEntity): Promise<ReportSource> {
  const services = await db
    .select({ name: service.name, critical: service.supportsCriticalFunction })
    .from(incidentService)
    .innerJoin(service, eq(service.id, incidentService.serviceId))
    .where(eq(incidentService.incidentId, inc.id))
    .orderBy(asc(service.name));
  const [latest] = await db
    .select()
    .from(regulatoryClassification)
    .where(and(eq(regulatoryClassification.incidentId, inc.id), eq(regulatoryClassification.regime, regime)))
    .orderBy(desc(regulatoryClassification.classifiedAt), desc(regulatoryClassification.createdAt))
    .limit(1);
  const [withReference] = await db
    .select({ authorityReference: regulatoryReport.authorityReference })
    .from(regulatoryReport)
    .where(and(eq(regulatoryReport.incidentId, inc.id), eq(regulatoryReport.regime, regime), isNotNull(regulatoryReport.authorityReference)))
    .orderBy(desc(regulatoryReport.submittedAt))
    .limit(1);
  const timeline = await db
    .select({ at: timelineEvent.occurredAt, kind: timelineEvent.kind, title: timelineEvent.title, highlighted: timelineEvent.highlighted })
    .from(timelineEvent)
    .where(and(eq(timelineEvent.incidentId, inc.id), inArray(timelineEvent.kind, ["declared", "note", "status_change", "severity_change"])))
    .orderBy(asc(timelineEvent.occurredAt), asc(timelineEvent.seq))
    .limit(200);
  const [published] = await db
    .select({ content: postmortemRevision.content, publishedAt: postmortemRevision.publishedAt, rootCause: postmortem.rootCause })
    .from(postmortem)
    .innerJoin(postmortemRevision, eq(postmortemRevision.postmortemId, postmortem.id))
    .where(eq(postmortem.incidentId, inc.id))
    .orderBy(desc(postmortemRevision.revision))
    .limit(1);
  const sections = published ? postmortemSections(published.content as JSONContent) : {};
  const rootCause = (published?.rootCause ?? inc.rootCause ?? null) as RootCauseCodes | null;
  return {
    entity,
    incident: {
      ref: formatIncidentRef(inc.number),
      title: inc.title,
      summary: inc.summary || null,
      severity: inc.severity,
      status: inc.status,
      startedAt: inc.occurredAt?.toISOString() ?? null,
      detectedAt: (inc.awareAt ?? inc.detectedAt ?? inc.occurredAt ?? inc.createdAt).toISOString(),
      mitigatedAt: inc.mitigatedAt?.toISOString() ?? null,
      resolvedAt: inc.resolvedAt?.toISOString() ?? null,
      services,
      rootCause,
    },
    classification: latest ? toSourceClassification(latest) : null,
    authorityReference: withReference?.authorityReference ?? null,
    timeline: timeline.map((e) => ({ at: e.at.toISOString(), kind: e.kind, text: e.title })),
    postmortem: published
      ? {
          summary: sectionMatching(sections, POSTMORTEM_SECTIONS.summary),
          rootCause: sectionMatching(sections, POSTMORTEM_SECTIONS.rootCause),
          resolution: sectionMatching(sections, POSTMORTEM_SECTIONS.resolution),
          lessons: sectionMatching(sections, POSTMORTEM_SECTIONS.lessons),
          publishedAt: published.publishedAt.toISOString(),
        }
      : null,
  };
}

function toSourceClassification(row: ClassificationRow): SourceClassification {
  const classifiedAt = row.classifiedAt.toISOString();
  // The stored criteria and result are the verb's own output for this regime.
  if (row.regime === "dora") return { regime: "dora", classifiedAt, criteria: row.criteria as never, result: row.result as never, recurring: row.recurring ?? null };
  if (row.regime === "nis2") return { regime: "nis2", classifiedAt, criteria: row.criteria as never, result: row.result as never };
  return { regime: "gdpr", classifiedAt, criteria: row.criteria as never, result: row.result as never };
}

// Recurring incidents (Delegated Regulation (EU) 2024/1772 Art. 8(2))

export function recurrenceCandidate(inc: IncidentRow, major: boolean, criteria: DoraCriteria): RecurrenceCandidate {
  const cause = inc.rootCause;
  return {
    ref: formatIncidentRef(inc.number),
    occurredAt: (inc.occurredAt ?? inc.detectedAt ?? inc.createdAt).toISOString(),
    major,
    rootCause: cause?.details[0] ?? cause?.categories[0] ?? null,
    criteria,
  };
}

/** Every incident's latest DORA classification, with the incident, newest decisions first. */
export async function latestDoraClassifications(db: Queryable, organizationId: string): Promise<Array<{ classification: ClassificationRow; incident: IncidentRow }>> {
  const rows = await db
    .select({ classification: regulatoryClassification, incident })
    .from(regulatoryClassification)
    .innerJoin(incident, eq(incident.id, regulatoryClassification.incidentId))
    .where(and(eq(regulatoryClassification.organizationId, organizationId), eq(regulatoryClassification.regime, "dora")))
    .orderBy(desc(regulatoryClassification.classifiedAt), desc(regulatoryClassification.createdAt));
  const latest = new Map<string, { classification: ClassificationRow; incident: IncidentRow }>();
  for (const row of rows) if (!latest.has(row.incident.id)) latest.set(row.incident.id, row);
  return [...latest.values()];
}

/** An incident as the recurrence rule sees it: a member of a recurring group is major only as part of the group, so it counts again on its own figures. */
export function candidateFromLatest({ classification, incident: inc }: { classification: ClassificationRow; incident: IncidentRow }): RecurrenceCandidate {
  return recurrenceCandidate(inc, classification.reportable && !classification.recurring, classification.criteria as unknown as DoraCriteria);
}
