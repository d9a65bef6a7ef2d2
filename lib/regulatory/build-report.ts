import { buildGdprReport, buildNis2Report } from "./build-breach-report";
import { buildDoraReport } from "./build-dora-report";
import type { ReportContent, ReportSource } from "./report-source";
import type { Regime, ReportType } from "./regimes";

/** A report's pre-filled content for its regime and type (API: POST /incidents/{id}/reports). */
export function buildReport(regime: Regime, type: ReportType, source: ReportSource): ReportContent {
  if (regime === "dora") return buildDoraReport(type, source);
  if (regime === "nis2") return buildNis2Report(type, source);
  return buildGdprReport(type, source);
}
