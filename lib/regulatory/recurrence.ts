import { classifyDora, type DoraClassification, type DoraCriteria } from "./dora-classification";
import { addCalendarMonths } from "./working-days";

/**
 * Recurring incidents (Delegated Regulation (EU) 2024/1772 Art. 8(2)): incidents that are
 * not major one by one are one major incident when they occurred at least twice within
 * 6 months, have the same apparent root cause, and together meet the criteria of
 * Art. 8(1). The entity assesses this monthly. Pure: the incidents in, the groups out.
 */

export interface RecurrenceCandidate {
  ref: string;
  occurredAt: string;
  /** the latest DORA decision for it; major incidents are reported on their own and left out */
  major: boolean;
  /** the apparent root cause, as a stable key (a template field 4.2 code, or 4.1 when no detail is known) */
  rootCause: string | null;
  criteria: DoraCriteria;
}

export interface RecurringGroup {
  incidents: string[];
  rootCause: string;
  window: { from: string; to: string };
  /** the criteria of the incidents together */
  combinedCriteria: DoraCriteria;
  classification: DoraClassification;
}

function sum(values: Array<number | null | undefined>, cap?: number): number | null {
  const present = values.filter((v): v is number => typeof v === "number");
  if (!present.length) return null;
  const total = present.reduce((a, b) => a + b, 0);
  return cap === undefined ? total : Math.min(total, cap);
}

function union<T>(lists: Array<T[] | null | undefined>): T[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

/**
 * How incidents count together: impacts add up (clients, counterparts, transactions,
 * duration, downtime, costs; percentages capped at 100), kinds of impact are united
 * (reputation, Member States, data losses), and a condition met by one is met by the group.
 */
export function combineCriteria(all: DoraCriteria[]): DoraCriteria {
  return {
    criticalServicesAffected: all.some((c) => c.criticalServicesAffected),
    maliciousUnauthorisedAccess: all.some((c) => c.maliciousUnauthorisedAccess),
    relevantClientsOrCounterpartsAffected: all.some((c) => c.relevantClientsOrCounterpartsAffected === true) || null,
    clientsAffected: sum(all.map((c) => c.clientsAffected)),
    clientsAffectedPercent: sum(all.map((c) => c.clientsAffectedPercent), 100),
    financialCounterpartsAffectedPercent: sum(all.map((c) => c.financialCounterpartsAffectedPercent), 100),
    transactionsAffectedPercent: sum(all.map((c) => c.transactionsAffectedPercent), 100),
    transactionsAffectedValuePercent: sum(all.map((c) => c.transactionsAffectedValuePercent), 100),
    reputationalImpact: union(all.map((c) => c.reputationalImpact)),
    durationHours: sum(all.map((c) => c.durationHours)),
    serviceDowntimeHours: sum(all.map((c) => c.serviceDowntimeHours)),
    memberStatesAffected: union(all.map((c) => c.memberStatesAffected)),
    dataLosses: union(all.map((c) => c.dataLosses)),
    economicImpactEur: sum(all.map((c) => c.economicImpactEur)),
  };
}

/** The monthly check at `asOf`: groups of non-major incidents of the last 6 months that together are one major incident. */
export function detectRecurringIncidents(candidates: RecurrenceCandidate[], asOf: string): RecurringGroup[] {
  const to = new Date(asOf);
  const from = addCalendarMonths(to, -6);
  const byCause = new Map<string, RecurrenceCandidate[]>();
  for (const c of candidates) {
    const at = new Date(c.occurredAt).getTime();
    if (c.major || !c.rootCause || at < from.getTime() || at > to.getTime()) continue;
    byCause.set(c.rootCause, [...(byCause.get(c.rootCause) ?? []), c]);
  }
  const groups: RecurringGroup[] = [];
  for (const [rootCause, members] of [...byCause.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (members.length < 2) continue;
    members.sort((a, b) => new Date(a.occurredAt).getTime() - new Date(b.occurredAt).getTime());
    const combinedCriteria = combineCriteria(members.map((m) => m.criteria));
    const result = classifyDora(combinedCriteria);
    if (!result.major) continue;
    const refs = members.map((m) => m.ref);
    const classification: DoraClassification = {
      ...result,
      path: [
        `Art. 8(2) Delegated Regulation (EU) 2024/1772: ${refs.length} incidents that are not major on their own (${refs.join(", ")}) occurred between ${from.toISOString().slice(0, 10)} and ${to.toISOString().slice(0, 10)} (at least twice within 6 months) with the same apparent root cause (${rootCause}); their impacts are assessed together.`,
        ...result.path,
      ],
    };
    groups.push({ incidents: refs, rootCause, window: { from: from.toISOString(), to: to.toISOString() }, combinedCriteria, classification });
  }
  return groups;
}
