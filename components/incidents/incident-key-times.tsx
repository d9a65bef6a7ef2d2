import { Timestamp } from "@/components/time/timestamp";
import { keyTimeDue } from "@/lib/core/incident-key-times";
import type { IncidentView } from "./incident-types";

const KEY_TIMES = [
  { key: "occurredAt", label: "Occurred" },
  { key: "detectedAt", label: "Detected" },
  { key: "awareAt", label: "Aware" },
  { key: "classifiedAt", label: "Classified" },
  { key: "acknowledgedAt", label: "Acknowledged" },
  { key: "mitigatedAt", label: "Mitigated" },
  { key: "resolvedAt", label: "Resolved" },
  { key: "closedAt", label: "Closed" },
] as const;

/**
 * The regulatory timestamps, each in the viewer's time and in UTC. A moment the incident is
 * past but nobody recorded (resolved without a mitigation on record) reads "Not recorded".
 */
export function IncidentKeyTimes({ incident }: { incident: IncidentView }) {
  return (
    <dl className="flex flex-col gap-2.5 text-sm">
      {KEY_TIMES.filter(({ key }) => !["closedAt", "awareAt", "classifiedAt"].includes(key) || incident[key]).map(({ key, label }) => (
        <div key={key} className="flex flex-col gap-0.5">
          <dt className="text-xs font-medium text-muted-foreground">{label}</dt>{" "}
          <dd className="text-xs">
            <Timestamp
              value={incident[key]}
              className="whitespace-normal [&>span]:whitespace-nowrap"
              empty={key === "occurredAt" || key === "detectedAt" || keyTimeDue(incident.status, key) ? "Not recorded" : "Not yet"}
            />
          </dd>
        </div>
      ))}
    </dl>
  );
}
