import type { DoraClassification, DoraCriteria } from "./dora-classification";
import type { GdprClassification, GdprCriteria } from "./gdpr-classification";
import type { Nis2Classification, Nis2Criteria } from "./nis2-classification";
import type { RootCauseCodes } from "./root-causes";
import type { ReportingEntity } from "./regimes";

/**
 * Everything a report is pre-filled from, as plain data: the verbs load it, the builders
 * (pure) turn it into the report's content. Times are ISO 8601 UTC.
 */
export interface ReportSource {
  entity: ReportingEntity;
  incident: {
    /** "INC-42": the entity's incident reference code (DORA field 2.1) */
    ref: string;
    title: string;
    summary: string | null;
    severity: string;
    status: string;
    /** when the incident started (DORA 3.2, occurrence) */
    startedAt: string | null;
    /** when the entity became aware (DORA 2.2, detection) */
    detectedAt: string;
    /** services restored (DORA 3.3) */
    mitigatedAt: string | null;
    resolvedAt: string | null;
    services: Array<{ name: string; critical: boolean }>;
    /** structured root cause (DORA 4.1–4.3), from the incident or its postmortem */
    rootCause: RootCauseCodes | null;
  };
  /** the latest classification of the report's regime */
  classification: SourceClassification | null;
  /** earlier DORA reports' submission times and the authority's reference (field 3.1) */
  authorityReference: string | null;
  timeline: Array<{ at: string; kind: string; text: string }>;
  /** the published postmortem's sections as plain text, when there is one */
  postmortem: {
    summary: string | null;
    rootCause: string | null;
    resolution: string | null;
    lessons: string | null;
    publishedAt: string;
  } | null;
}

export type SourceClassification =
  | { regime: "dora"; classifiedAt: string; criteria: DoraCriteria; result: DoraClassification; recurring: { incidents: string[]; rootCause: string } | null }
  | { regime: "nis2"; classifiedAt: string; criteria: Nis2Criteria; result: Nis2Classification }
  | { regime: "gdpr"; classifiedAt: string; criteria: GdprCriteria; result: GdprClassification };

/** A report's content: for DORA the IR-1.2.1 JSON object; for NIS2 and GDPR this project's own draft shape. */
export type ReportContent = Record<string, unknown>;
