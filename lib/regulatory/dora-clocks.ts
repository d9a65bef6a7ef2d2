import { deadline, firstSubmission, sortedClassifications, type ClockAnchorEvent, type ClockEvents, type Deadline } from "./clock-types";
import { REPORT_TYPE_LABELS, type ClockEntity, type ReportType } from "./regimes";
import { addCalendarMonths, addHours, localTimeText, nonWorkingDay, noonOfNextWorkingDay } from "./working-days";

/**
 * DORA reporting time limits: Commission Delegated Regulation (EU) 2025/301 Art. 5.
 * (1)(a) initial notification within 4 h of classification as major and no later than 24 h
 * after awareness; (2) classified as major only after those 24 h: within 4 h of the
 * classification; (1)(b) intermediate report within 72 h of the initial notification's
 * submission, updated without undue delay once regular activities are recovered; (1)(c)
 * final report one month after the latest intermediate report; (3) a report that will be
 * late is announced to the authority before its time limit; (4) a time limit on a weekend
 * day or bank holiday of the entity's Member State moves to 12:00 (local time) of the next
 * working day; (5) except initial and intermediate reports of credit institutions, central
 * counterparties, trading venues and entities identified as essential or important.
 */

const art = (paragraph: string) => `Art. 5${paragraph} Delegated Regulation (EU) 2025/301`;
const IF_LATE = `If it cannot be submitted in time, inform the competent authority before this time limit and explain why (Art. 5(3) Delegated Regulation (EU) 2025/301).`;
const NO_RELIEF_TYPES = new Set<ClockEntity["entityType"]>(["credit_institution", "central_counterparty", "trading_venue"]);

/** Whether Art. 5(4)'s weekend relief is available to this entity for this report. */
function weekendReliefApplies(entity: ClockEntity, report: ReportType): boolean {
  if (report === "final") return true;
  return !(NO_RELIEF_TYPES.has(entity.entityType) || entity.significant === true);
}

interface TimeLimit {
  dueAt: Date;
  rule: string;
  movedFrom: Date | null;
}

/** Applies Art. 5(4)/(5) to a time limit. */
function withWeekendRule(limit: Date, rule: string, entity: ClockEntity, report: ReportType): TimeLimit {
  const closed = nonWorkingDay(limit, entity.country);
  if (!closed) return { dueAt: limit, rule, movedFrom: null };
  const local = `${localTimeText(limit, entity.country)} is a ${closed.reason} in ${entity.country}`;
  if (!weekendReliefApplies(entity, report)) {
    const who = entity.significant ? "an entity identified as significant" : entity.entityType.replaceAll("_", " ");
    return { dueAt: limit, rule: `${rule} ${local}, but the move to the next working day does not apply to the ${REPORT_TYPE_LABELS.dora[report]?.toLowerCase()} of ${who} (${art("(5)")}).`, movedFrom: null };
  }
  const moved = noonOfNextWorkingDay(limit, entity.country);
  return { dueAt: moved, rule: `${rule} ${local}, so it moves to 12:00 of the next working day, ${localTimeText(moved, entity.country)} (${art("(4)")}).`, movedFrom: limit };
}

function make(report: ReportType, anchor: { event: ClockAnchorEvent; at: Date }, limit: TimeLimit | null, rule: string, submittedAt: Date | null): Deadline {
  return deadline({
    regime: "dora",
    report,
    label: REPORT_TYPE_LABELS.dora[report] ?? report,
    dueAt: limit?.dueAt.toISOString() ?? null,
    anchor: { event: anchor.event, at: anchor.at.toISOString() },
    rule: limit?.rule ?? rule,
    movedFrom: limit?.movedFrom?.toISOString() ?? null,
    ifLate: IF_LATE,
    submittedAt,
  });
}

function initialTimeLimit(awareAt: Date, majorAt: Date): { anchor: { event: ClockAnchorEvent; at: Date }; limit: Date; rule: string } {
  const cap = addHours(awareAt, 24);
  const fourHours = addHours(majorAt, 4);
  if (majorAt.getTime() > cap.getTime()) {
    return { anchor: { event: "classification_as_major", at: majorAt }, limit: fourHours, rule: `Classified as major more than 24 h after awareness: initial notification within 4 h of the classification (${art("(2)")}).` };
  }
  if (fourHours.getTime() <= cap.getTime()) {
    return { anchor: { event: "classification_as_major", at: majorAt }, limit: fourHours, rule: `Initial notification within 4 h of classification as major (${art("(1)(a)")}).` };
  }
  return { anchor: { event: "awareness", at: awareAt }, limit: cap, rule: `Initial notification no later than 24 h after becoming aware of the incident, which comes before 4 h after the classification (${art("(1)(a)")}).` };
}

/** The DORA deadlines an incident's events give rise to, in order; none while it was never major. */
export function doraDeadlines(events: ClockEvents, entity: ClockEntity): Deadline[] {
  const classifications = sortedClassifications(events);
  const lastMajorIndex = classifications.findLastIndex((c) => c.reportable);
  if (lastMajorIndex < 0) return [];
  // The clock runs from the start of the latest run of "major" decisions: confirming a major
  // classification does not restart it.
  let runStart = lastMajorIndex;
  while (runStart > 0 && classifications[runStart - 1]?.reportable) runStart--;
  const majorAt = classifications[runStart]!.at;
  const reclassifiedAt = classifications.slice(lastMajorIndex + 1).find((c) => !c.reportable)?.at ?? null;
  const awareAt = new Date(events.awareAt);

  const deadlines: Deadline[] = [];
  const initial = initialTimeLimit(awareAt, majorAt);
  const initialSubmitted = firstSubmission(events, "initial");
  deadlines.push(make("initial", initial.anchor, withWeekendRule(initial.limit, initial.rule, entity, "initial"), initial.rule, initialSubmitted));

  if (initialSubmitted) {
    const limit = addHours(initialSubmitted, 72);
    const rule = `Intermediate report within 72 h of the initial notification's submission (${art("(1)(b)")}).`;
    const firstIntermediate = firstSubmission(events, "intermediate", initialSubmitted);
    deadlines.push(make("intermediate", { event: "initial_submitted", at: initialSubmitted }, withWeekendRule(limit, rule, entity, "intermediate"), rule, firstIntermediate));

    const recoveredAt = events.recoveredAt ? new Date(events.recoveredAt) : null;
    // Recovery before the first intermediate report is covered by that report.
    let updatePending = false;
    if (recoveredAt && firstIntermediate && recoveredAt.getTime() > firstIntermediate.getTime()) {
      const update = firstSubmission(events, "intermediate", recoveredAt);
      updatePending = !update;
      deadlines.push(
        make(
          "intermediate",
          { event: "regular_activities_recovered", at: recoveredAt },
          null,
          `Regular activities recovered: updated intermediate report without undue delay (${art("(1)(b)")}); the regulation sets no time limit in hours.`,
          update,
        ),
      );
    }

    const intermediates = events.submissions.filter((s) => s.report === "intermediate").map((s) => new Date(s.at));
    const latestIntermediate = intermediates.sort((a, b) => b.getTime() - a.getTime())[0];
    if (latestIntermediate && !updatePending) {
      const rule = `Final report no later than one month after the latest intermediate report (${art("(1)(c)")}).`;
      const final = firstSubmission(events, "final", latestIntermediate);
      deadlines.push(make("final", { event: "intermediate_submitted", at: latestIntermediate }, withWeekendRule(addCalendarMonths(latestIntermediate, 1), rule, entity, "final"), rule, final));
    }
  }

  if (!reclassifiedAt) return deadlines;
  // Reclassified as non-major: reports not yet due fall away. Once the authority has been
  // notified, it is told of the reclassification (template field 1.1), by the time limit
  // of the report that was running.
  const kept = deadlines.filter((d) => d.submittedAt);
  if (!initialSubmitted) return kept;
  const running = deadlines.find((d) => !d.submittedAt && d.dueAt);
  const submitted = firstSubmission(events, "reclassification", reclassifiedAt);
  const rule = running?.dueAt
    ? `Reclassified as non-major after notification: the authority is told with the template (field 1.1, Implementing Regulation (EU) 2025/302), by the time limit of the ${running.label.toLowerCase()} that was running (${running.rule})`
    : "Reclassified as non-major after notification: the authority is told with the template (field 1.1, Implementing Regulation (EU) 2025/302) without undue delay.";
  kept.push(
    deadline({
      regime: "dora",
      report: "reclassification",
      label: REPORT_TYPE_LABELS.dora.reclassification ?? "reclassification",
      dueAt: running?.dueAt ?? null,
      anchor: { event: "reclassification_as_non_major", at: reclassifiedAt.toISOString() },
      rule,
      movedFrom: running?.movedFrom ?? null,
      ifLate: IF_LATE,
      submittedAt: submitted,
    }),
  );
  return kept;
}
