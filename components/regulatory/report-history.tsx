import { Panel } from "@/components/incidents/panel";
import { Timestamp } from "@/components/time/timestamp";
import type { ReportHistoryEntry } from "@/lib/services/regulatory/views";

const STEP_LABELS: Record<string, string> = {
  created: "Drafted",
  updated: "Edited",
  submitted_for_review: "Sent for review",
  approved: "Approved",
  reopened: "Reopened",
  submitted: "Marked submitted",
  exported: "Exported",
};

/** The report's life from the audit trail: who did what, when. */
export function ReportHistory({ entries }: { entries: ReportHistoryEntry[] }) {
  return (
    <Panel title="History">
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing recorded yet.</p>
      ) : (
        <ol aria-label="Report history" className="flex flex-col gap-2">
          {entries.map((entry, i) => (
            <li key={i} className="border-l-2 border-border pl-3 text-sm">
              <p>
                <span className="font-medium">{STEP_LABELS[entry.step] ?? entry.step}</span> by {entry.actor}
              </p>
              <p className="text-xs text-muted-foreground">
                <Timestamp value={entry.at} precision="minutes" />
              </p>
              {entry.detail && <p className="break-all text-xs text-muted-foreground">{entry.detail}</p>}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
