import type { regulatoryClassification, regulatoryReport, reportingEntity } from "@/db/schema";
import type { Deadline, DeadlineStatus } from "@/lib/regulatory/clocks";
import type { Regime, ReportingEntity, ReportType } from "@/lib/regulatory/regimes";
import type { ReportValidationError } from "@/lib/regulatory/validate-report";
import type { ReportStatus } from "./inputs";

export type ReportingEntityRow = typeof reportingEntity.$inferSelect;
export type ClassificationRow = typeof regulatoryClassification.$inferSelect;
export type ReportRow = typeof regulatoryReport.$inferSelect;

export interface ReportingEntityView extends ReportingEntity {
  updatedBy: string;
  updatedAt: string;
}

export function toReportingEntity(row: ReportingEntityRow): ReportingEntity {
  return {
    name: row.name,
    lei: row.lei,
    entityType: row.entityType as ReportingEntity["entityType"],
    country: row.country as ReportingEntity["country"],
    competentAuthority: row.competentAuthority,
    contacts: row.contacts,
    parentUndertaking: row.parentUndertaking ?? null,
    significant: row.significant,
    ...(row.currency ? { currency: row.currency as ReportingEntity["currency"] } : {}),
  };
}

export function toReportingEntityView(row: ReportingEntityRow): ReportingEntityView {
  return { ...toReportingEntity(row), updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/** A deadline as the API shows it, with its state now and the report that answers it. */
export interface ClockView {
  regime: Regime;
  report: ReportType;
  label: string;
  dueAt: string | null;
  rule: string;
  anchor: Deadline["anchor"];
  movedFrom: string | null;
  status: DeadlineStatus;
  submittedAt: string | null;
  late: boolean;
  ifLate: string | null;
  /** the newest report of this regime and type on the incident, if one was drafted */
  reportId: string | null;
}

export interface IncidentClockView extends ClockView {
  incident: { id: string; ref: string; title: string };
}

export interface ClassificationView {
  id: string;
  incidentId: string;
  regime: Regime;
  /** DORA: a major ICT-related incident; NIS2: significant; GDPR: notifiable to the authority */
  major: boolean;
  criteria: Record<string, unknown>;
  criteriaMet: string[];
  path: string[];
  /** the classifier's full output (DORA: findings per criterion with their articles) */
  result: Record<string, unknown>;
  recurring: { incidents: string[]; rootCause: string } | null;
  /** the deadlines this classification started, as computed when it was made */
  clocks: Array<Pick<ClockView, "report" | "label" | "dueAt" | "rule">>;
  classifiedAt: string;
  classifiedBy: string;
}

export function toClassificationView(row: ClassificationRow, clocks: Deadline[]): ClassificationView {
  const result = row.result;
  return {
    id: row.id,
    incidentId: row.incidentId,
    regime: row.regime as Regime,
    major: row.reportable,
    criteria: row.criteria,
    criteriaMet: Array.isArray(result.criteriaMet) ? (result.criteriaMet as string[]) : [],
    path: Array.isArray(result.path) ? (result.path as string[]) : [],
    result,
    recurring: row.recurring ?? null,
    clocks: clocks.map((c) => ({ report: c.report, label: c.label, dueAt: c.dueAt, rule: c.rule })),
    classifiedAt: row.classifiedAt.toISOString(),
    classifiedBy: row.classifiedBy,
  };
}

export interface ReportView {
  id: string;
  incidentId: string;
  incidentRef: string;
  regime: Regime;
  type: ReportType;
  /** e.g. "Initial notification" */
  label: string;
  status: ReportStatus;
  dueAt: string | null;
  content: Record<string, unknown>;
  validation: { valid: boolean; errors: ReportValidationError[] };
  /** what the next report type still needs (the editor's "still required next") */
  nextReport: { type: ReportType; errors: ReportValidationError[] } | null;
  correctsReportId: string | null;
  preparedBy: string;
  submittedForReviewAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  authorityReference: string | null;
  /** SHA-256 of the frozen content, once submitted */
  hash: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ReportSummary = Omit<ReportView, "content" | "nextReport">;

/** The classification wizard's starting point (GET /incidents/{idOrRef}/classification-defaults). */
export interface ClassificationDefaults {
  services: Array<{ slug: string; name: string; critical: boolean; clientCount: number | null }>;
  criteria: { criticalServicesAffected: boolean; durationHours: number; serviceDowntimeHours: number | null; memberStatesAffected: string[] };
  /** the largest client count of the affected services: the base of "clients affected" as a share */
  clientBase: number | null;
  entityConfigured: boolean;
}

/** One step in a report's life, from the audit trail (the report editor's history). */
export interface ReportHistoryEntry {
  at: string;
  actor: string;
  /** created, updated, submitted_for_review, approved, reopened, submitted, exported */
  step: string;
  detail: string | null;
}
