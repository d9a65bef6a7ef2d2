import { deadline, firstSubmission, sortedClassifications, type ClockEvents, type Deadline } from "./clock-types";
import { REPORT_TYPE_LABELS } from "./regimes";
import { addCalendarMonths, addHours } from "./working-days";

/**
 * NIS2 (Directive (EU) 2022/2555 Art. 23(4)) and GDPR (Regulation (EU) 2016/679 Art. 33(1))
 * time limits. Neither moves for weekends or holidays: the hours run on the calendar.
 */

function isReportable(events: ClockEvents): boolean {
  const latest = sortedClassifications(events).at(-1);
  return latest?.reportable === true;
}

/** NIS2: early warning 24 h and incident notification 72 h after awareness; final report one month after the notification. */
export function nis2Deadlines(events: ClockEvents): Deadline[] {
  if (!isReportable(events)) return [];
  const awareAt = new Date(events.awareAt);
  const awareness = { event: "awareness" as const, at: awareAt.toISOString() };
  const nis2 = (report: "initial" | "intermediate" | "final", dueAt: Date, anchor: Deadline["anchor"], rule: string, submittedAt: Date | null) =>
    deadline({ regime: "nis2", report, label: REPORT_TYPE_LABELS.nis2[report] ?? report, dueAt: dueAt.toISOString(), anchor, rule, ifLate: "Submit as soon as possible; the report itself should say why it is late.", submittedAt });
  const notified = firstSubmission(events, "intermediate");
  const deadlines = [
    nis2("initial", addHours(awareAt, 24), awareness, "Early warning without undue delay and within 24 h of becoming aware of the significant incident (Art. 23(4)(a) Directive (EU) 2022/2555).", firstSubmission(events, "initial")),
    nis2("intermediate", addHours(awareAt, 72), awareness, "Incident notification without undue delay and within 72 h of becoming aware of the significant incident (Art. 23(4)(b) Directive (EU) 2022/2555).", notified),
  ];
  if (notified) {
    deadlines.push(
      nis2(
        "final",
        addCalendarMonths(notified, 1),
        { event: "intermediate_submitted", at: notified.toISOString() },
        "Final report no later than one month after the incident notification; a progress report then if the incident is still ongoing (Art. 23(4)(d) and (e) Directive (EU) 2022/2555).",
        firstSubmission(events, "final", notified),
      ),
    );
  }
  return deadlines;
}

/** GDPR: notification to the supervisory authority within 72 h of awareness, unless the breach is unlikely to be a risk. */
export function gdprDeadlines(events: ClockEvents): Deadline[] {
  if (!isReportable(events)) return [];
  const awareAt = new Date(events.awareAt);
  return [
    deadline({
      regime: "gdpr",
      report: "initial",
      label: REPORT_TYPE_LABELS.gdpr.initial ?? "initial",
      dueAt: addHours(awareAt, 72).toISOString(),
      anchor: { event: "awareness", at: awareAt.toISOString() },
      rule: "Notification to the supervisory authority without undue delay and, where feasible, within 72 h of becoming aware of the breach (Art. 33(1) Regulation (EU) 2016/679).",
      ifLate: "A notification made after 72 h states the reasons for the delay (Art. 33(1)); information not yet known may follow in phases (Art. 33(4)).",
      submittedAt: firstSubmission(events, "initial"),
    }),
  ];
}
