import type { JSONContent } from "@tiptap/core";
import { TIMELINE_KIND_NAMES, TIMELINE_KINDS, type TimelineKind } from "@/lib/core/timeline-kinds";

/**
 * Which incident events a postmortem's timeline block shows, stored in the block's
 * `selection` attribute so the editor, the frozen (published) document and every export
 * show the same events: every event of the chosen kinds, plus (when `highlighted`) the
 * events of any other kind a responder highlighted on the incident.
 */
export interface TimelineSelection {
  kinds: TimelineKind[];
  highlighted: boolean;
}

/** What people did and decided, in full; machine events (alerts, changes…) only when highlighted. */
export const DEFAULT_TIMELINE_SELECTION: TimelineSelection = {
  kinds: ["declared", "note", "status_change", "severity_change", "role_change"],
  highlighted: true,
};

function isTimelineKind(value: unknown): value is TimelineKind {
  return typeof value === "string" && (TIMELINE_KINDS as readonly string[]).includes(value);
}

/** The selection stored in a timeline block's attributes; the default when none is stored. */
export function timelineSelectionOf(attrs: Record<string, unknown> | undefined | null): TimelineSelection {
  const raw: unknown = attrs?.selection;
  if (!raw || typeof raw !== "object" || !Array.isArray((raw as { kinds?: unknown }).kinds)) return { ...DEFAULT_TIMELINE_SELECTION, kinds: [...DEFAULT_TIMELINE_SELECTION.kinds] };
  const value = raw as { kinds: unknown[]; highlighted?: unknown };
  // Kept in catalogue order, so two selections of the same kinds are stored alike.
  const kinds = TIMELINE_KINDS.filter((kind) => value.kinds.some((k) => k === kind && isTimelineKind(k)));
  return { kinds, highlighted: value.highlighted !== false };
}

/** A selection with one kind (or the highlighted rule) switched on or off. */
export function toggleTimelineSelection(selection: TimelineSelection, choice: TimelineKind | "highlighted", on: boolean): TimelineSelection {
  if (choice === "highlighted") return { ...selection, highlighted: on };
  const kinds = new Set(selection.kinds);
  if (on) kinds.add(choice);
  else kinds.delete(choice);
  return { kinds: TIMELINE_KINDS.filter((k) => kinds.has(k)), highlighted: selection.highlighted };
}

/** The events a selection shows, in the order given (oldest first). */
export function selectTimelineEvents<E extends { kind: string; highlighted: boolean }>(events: E[], selection: TimelineSelection): E[] {
  const kinds = new Set<string>(selection.kinds);
  return events.filter((e) => kinds.has(e.kind) || (selection.highlighted && e.highlighted));
}

/** "Status change" for status_change; unknown kinds are spelled out the same way. */
export function timelineKindName(kind: string): string {
  if (isTimelineKind(kind)) return TIMELINE_KIND_NAMES[kind];
  const words = kind.replace(/[_-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : kind;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What a reader is told about the selection, under the block's caption. */
export function describeTimelineSelection(selection: TimelineSelection): string {
  const kinds = selection.kinds.map((k) => TIMELINE_KIND_NAMES[k].toLowerCase() + (k === "declared" ? "" : "s"));
  const named = kinds.map((k) => (k === "declared" ? "the declaration" : k));
  if (named.length === 0) return selection.highlighted ? "Shows the highlighted events only." : "Shows no events (no kind is selected).";
  return selection.highlighted ? `Shows ${joinList(named)}, and highlighted events of other kinds.` : `Shows ${joinList(named)} only.`;
}

/** Every kind any timeline block of the document shows in full: what the snapshot must load besides highlighted events. */
export function timelineKindsShown(doc: JSONContent): TimelineKind[] {
  const kinds = new Set<TimelineKind>();
  const visit = (node: JSONContent) => {
    if (node.type === "incidentTimeline") for (const kind of timelineSelectionOf(node.attrs).kinds) kinds.add(kind);
    node.content?.forEach(visit);
  };
  visit(doc);
  return TIMELINE_KINDS.filter((k) => kinds.has(k));
}
