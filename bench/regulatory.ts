/**
 * Regulatory core benchmark: how fast the pure rules run and how long each report export
 * takes, in process. The compliance page computes every incident's clocks on each read, so
 * classification and clocks must stay far below a millisecond per incident.
 *
 *   npm run bench:regulatory     (BENCH_REG_ITERATIONS=20000 BENCH_REG_RUNS=5 to change the size)
 */
import { cpus, loadavg } from "node:os";
import { buildReport } from "@/lib/regulatory/build-report";
import { computeDeadlines } from "@/lib/regulatory/clocks";
import { classifyDora, type DoraCriteria } from "@/lib/regulatory/dora-classification";
import { detectRecurringIncidents, type RecurrenceCandidate } from "@/lib/regulatory/recurrence";
import type { ReportSource } from "@/lib/regulatory/report-source";
import { exportReport, REPORT_EXPORT_FORMATS } from "@/lib/regulatory/render/export-report";
import { validateReport } from "@/lib/regulatory/validate-report";
import { findPdfFontFiles } from "@/lib/services/postmortems/find-pdf-font-files";

const ITERATIONS = Number(process.env.BENCH_REG_ITERATIONS ?? 20_000);
const RUNS = Number(process.env.BENCH_REG_RUNS ?? 5);

const criteria: DoraCriteria = {
  criticalServicesAffected: true,
  maliciousUnauthorisedAccess: false,
  clientsAffected: 182_000,
  clientsAffectedPercent: 14.5,
  durationHours: 6.5,
  serviceDowntimeHours: 3.25,
  memberStatesAffected: ["DK", "SE"],
  economicImpactEur: 240_000,
};

const source: ReportSource = {
  entity: {
    name: "Bench Bank A/S",
    lei: "5493001KJTIIGC8Y1R12",
    entityType: "credit_institution",
    country: "DK",
    competentAuthority: "Finanstilsynet",
    contacts: [{ name: "Bench Contact", email: "contact@bench.example", phone: "+45 33 12 34 56" }],
  },
  incident: {
    ref: "INC-1",
    title: "Card payments declined",
    summary: "Card authorisations failed for 3 h.",
    severity: "sev1",
    status: "resolved",
    startedAt: "2026-03-05T07:40:00.000Z",
    detectedAt: "2026-03-05T07:52:00.000Z",
    mitigatedAt: "2026-03-05T11:00:00.000Z",
    resolvedAt: "2026-03-05T14:10:00.000Z",
    services: [{ name: "card-gateway", critical: true }],
    rootCause: { categories: ["process_failure"], details: [], additional: ["change_management"] },
  },
  classification: { regime: "dora", classifiedAt: "2026-03-05T09:05:00.000Z", criteria, result: classifyDora(criteria), recurring: null },
  authorityReference: null,
  timeline: Array.from({ length: 200 }, (_, i) => ({ at: new Date(Date.parse("2026-03-05T07:52:00Z") + i * 60_000).toISOString(), kind: "note", text: `Event ${i + 1}` })),
  postmortem: null,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function perCall(name: string, fn: (i: number) => unknown): void {
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    for (let i = 0; i < ITERATIONS; i++) fn(i);
    runs.push(((performance.now() - start) * 1000) / ITERATIONS);
  }
  console.log(`${name.padEnd(44)} median ${median(runs).toFixed(2)} µs per call (${ITERATIONS} calls × ${RUNS} runs)`);
}

async function perExport(name: string, fn: () => Promise<{ bytes: Uint8Array }>): Promise<void> {
  const runs: number[] = [];
  let size = 0;
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    size = (await fn()).bytes.length;
    runs.push(performance.now() - start);
  }
  console.log(`${name.padEnd(44)} median ${median(runs).toFixed(0)} ms (${(size / 1024).toFixed(1)} KiB)`);
}

console.log(`regulatory bench on ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(2)}`);
perCall("classifyDora", () => classifyDora(criteria));
const events = {
  awareAt: "2026-03-05T07:52:00Z",
  classifications: [{ at: "2026-03-06T10:00:00Z", reportable: true }],
  submissions: [
    { report: "initial" as const, at: "2026-03-06T12:00:00Z" },
    { report: "intermediate" as const, at: "2026-03-09T11:00:00Z" },
  ],
};
perCall("computeDeadlines (DORA, weekend moves)", () => computeDeadlines("dora", events, { country: "DK", entityType: "payment_institution" }));
const candidates: RecurrenceCandidate[] = Array.from({ length: 200 }, (_, i) => ({
  ref: `INC-${i}`,
  occurredAt: new Date(Date.parse("2026-01-01T00:00:00Z") + i * 3_600_000 * 20).toISOString(),
  major: false,
  rootCause: `cause-${i % 20}`,
  criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffected: 30_000, serviceDowntimeHours: 0.5 },
}));
perCall("detectRecurringIncidents (200 incidents)", () => detectRecurringIncidents(candidates, "2026-06-01T00:00:00Z"));
const content = buildReport("dora", "intermediate", source);
perCall("buildReport (DORA intermediate)", () => buildReport("dora", "intermediate", source));
perCall("validateReport (DORA intermediate)", () => validateReport("dora", "intermediate", content));

const fonts = findPdfFontFiles();
const input = {
  regime: "dora" as const,
  type: "intermediate" as const,
  content,
  errors: validateReport("dora", "intermediate", content).errors,
  meta: { title: "DORA intermediate report: INC-1", incidentRef: "INC-1", reportId: "rpt_bench", status: "draft", generatedBy: "bench", generatedAt: new Date().toISOString(), contentSha256: "0".repeat(64), preparedBy: "bench", approvedBy: null, submittedAt: null, authorityReference: null, dueAt: null },
};
for (const format of REPORT_EXPORT_FORMATS) await perExport(`exportReport ${format}`, () => exportReport(format, input, fonts));
