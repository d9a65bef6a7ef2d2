import { formatDuration, elapsedBetween } from "@/lib/core/durations";
import type { DataBlockType } from "./postmortem-schema";
import { describeTimelineSelection, selectTimelineEvents, timelineKindName, timelineSelectionOf } from "./timeline-selection";

/**
 * What a postmortem knows about its incident: loaded by the services, consumed by the pure
 * template pre-fill and by data-block freezing. Timestamps are ISO 8601 UTC strings.
 */
export interface IncidentSnapshot {
  id: string;
  ref: string;
  title: string;
  summary: string;
  severity: string;
  status: string;
  services: string[];
  timestamps: {
    occurredAt: string | null;
    detectedAt: string | null;
    awareAt: string | null;
    acknowledgedAt: string | null;
    classifiedAt: string | null;
    mitigatedAt: string | null;
    resolvedAt: string | null;
  };
  responders: Array<{ role: string; name: string }>;
  /**
   * Timeline events, oldest first: at least the highlighted ones and every event of the kinds
   * the document's timeline blocks show (each block picks its own with its selection).
   */
  timeline: Array<{ occurredAt: string; kind: string; title: string; body: string | null; actor: string; highlighted: boolean }>;
  actionItems: Array<{ title: string; owner: string | null; dueDate: string | null; priority: string; status: string; url: string | null }>;
}

/** The postmortem's own facts, for the document-control block. */
export interface DocumentControlFacts {
  documentId: string;
  revision: number;
  status: string;
  authors: string[];
  reviewers: string[];
  approvals: Array<{ name: string; at: string }>;
  confidentiality: string;
}

/** A data block's frozen form: a captioned table every renderer and the editor can show. */
export interface FrozenTable {
  capturedAt: string;
  columns: string[];
  rows: string[][];
  /** what the table shows, for the reader (the timeline's selection) */
  note?: string;
}

export const DEFAULT_CONFIDENTIALITY = "Confidential: internal and supervisory use only";

/** "2030-01-01 10:00:00 UTC": exports state the time zone rather than leave it implied. */
export function formatUtc(iso: string | null): string {
  if (!iso) return "not recorded";
  return `${iso.replace("T", " ").replace(/\.\d{3}Z$|Z$/, "")} UTC`;
}

function durationOrDash(from: string | null, to: string | null): string {
  const ms = elapsedBetween(from, to);
  return ms === null ? "not recorded" : formatDuration(ms);
}

/** Time to detect/acknowledge/mitigate/resolve, measured from when the incident began. */
export function incidentDurations(snapshot: IncidentSnapshot): Array<[string, string]> {
  const t = snapshot.timestamps;
  return [
    ["Time to detect", durationOrDash(t.occurredAt, t.detectedAt)],
    ["Time to acknowledge", durationOrDash(t.detectedAt ?? t.occurredAt, t.acknowledgedAt)],
    ["Time to mitigate", durationOrDash(t.occurredAt, t.mitigatedAt)],
    ["Time to resolve", durationOrDash(t.occurredAt, t.resolvedAt)],
  ];
}

const KEY_TIMESTAMPS: Array<[keyof IncidentSnapshot["timestamps"], string]> = [
  ["occurredAt", "Occurred"],
  ["detectedAt", "Detected"],
  ["awareAt", "Aware"],
  ["classifiedAt", "Classified"],
  ["mitigatedAt", "Mitigated"],
  ["resolvedAt", "Resolved"],
];

/** "In progress" for in_progress: exports print words, not identifiers. */
function humanise(value: string): string {
  const words = value.replace(/_/g, " ");
  return words ? words[0]!.toUpperCase() + words.slice(1) : words;
}

type BlockAttrs = Record<string, unknown> | undefined | null;

function freezeRows(type: DataBlockType, snapshot: IncidentSnapshot, control: DocumentControlFacts, attrs: BlockAttrs): Omit<FrozenTable, "capturedAt"> {
  switch (type) {
    case "incidentTimeline": {
      const selection = timelineSelectionOf(attrs);
      return {
        columns: ["Time (UTC)", "Kind", "Event", "By"],
        rows: selectTimelineEvents(snapshot.timeline, selection).map((e) => [formatUtc(e.occurredAt), timelineKindName(e.kind), e.body ? `${e.title}: ${e.body}` : e.title, e.actor]),
        note: describeTimelineSelection(selection),
      };
    }
    case "impactFigures":
      return {
        columns: ["Measure", "Value"],
        rows: [
          ["Severity", snapshot.severity],
          ["Services affected", snapshot.services.join(", ") || "none recorded"],
          ...incidentDurations(snapshot),
        ],
      };
    case "actionItemsBlock":
      return {
        columns: ["Action", "Owner", "Due", "Priority", "Status", "Issue"],
        rows: snapshot.actionItems.map((a) => [a.title, a.owner ?? "unassigned", a.dueDate ?? "", a.priority, humanise(a.status), a.url ?? ""]),
      };
    case "documentControl":
      return {
        columns: ["Field", "Value"],
        rows: [
          ["Document ID", control.documentId],
          ["Incident", `${snapshot.ref}: ${snapshot.title}`],
          ["Version", `Revision ${control.revision}`],
          ["Status", control.status],
          ["Authors", control.authors.join(", ") || "none recorded"],
          ["Reviewers", control.reviewers.join(", ") || "none yet"],
          ["Approvals", control.approvals.map((a) => `${a.name} at ${formatUtc(a.at)}`).join("; ") || "none yet"],
          ["Confidentiality", control.confidentiality],
        ],
      };
    case "regulatoryStatus":
      return {
        columns: ["Item", "Status"],
        rows: [
          ["Incident status", humanise(snapshot.status)],
          ["Severity", snapshot.severity],
          ["Classified", formatUtc(snapshot.timestamps.classifiedAt)],
          ["Regulator notified", snapshot.timestamps.classifiedAt ? "see the regulatory reports" : "not classified yet"],
        ],
      };
    case "keyTimestamps":
      return { columns: ["Milestone", "Time (UTC)"], rows: KEY_TIMESTAMPS.map(([key, label]) => [label, formatUtc(snapshot.timestamps[key])]) };
  }
}

/** A data block's content as of `capturedAt`: what gets written into `frozen` on publish. `attrs` are the block's (the timeline's selection). */
export function freezeDataBlock(type: DataBlockType, snapshot: IncidentSnapshot, control: DocumentControlFacts, capturedAt: string, attrs?: BlockAttrs): FrozenTable {
  return { capturedAt, ...freezeRows(type, snapshot, control, attrs) };
}

export function isFrozenTable(value: unknown): value is FrozenTable {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.columns) && Array.isArray(v.rows);
}
