"use client";

import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { createContext, useContext } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { TIMELINE_KIND_LABELS, TIMELINE_KINDS, type TimelineKind } from "@/lib/core/timeline-kinds";
import { freezeDataBlock, formatUtc, isFrozenTable, type DocumentControlFacts, type FrozenTable } from "@/lib/documents/incident-snapshot";
import { DATA_BLOCK_TITLES, isDataBlockType } from "@/lib/documents/postmortem-schema";
import { timelineSelectionOf, toggleTimelineSelection, type TimelineSelection } from "@/lib/documents/timeline-selection";
import { useLiveIncidentSnapshot } from "./use-live-incident-snapshot";

/** What the data blocks need besides their own attributes: which incident, and the document facts. */
export interface DataBlockSource {
  incidentRef: string;
  control: DocumentControlFacts;
}

export const DataBlockSourceContext = createContext<DataBlockSource | null>(null);

/**
 * The timeline block's "Show" filter: which kinds appear in full, and whether highlighted
 * events of other kinds do too. Stored in the block, so the published document and every
 * export show the same events.
 */
function TimelineSelectionFilter({ selection, onChange }: { selection: TimelineSelection; onChange: (selection: TimelineSelection) => void }) {
  const option = (choice: TimelineKind | "highlighted", label: string, checked: boolean) => (
    <label key={choice} className="inline-flex cursor-pointer items-center gap-1.5 text-xs">
      <Checkbox checked={checked} onChange={(e) => onChange(toggleTimelineSelection(selection, choice, e.target.checked))} />
      {label}
    </label>
  );
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-border px-3 py-2">
      <legend className="sr-only">Events this timeline shows</legend>
      <span aria-hidden className="text-xs font-medium text-muted-foreground">
        Show
      </span>
      {TIMELINE_KINDS.map((kind) => option(kind, TIMELINE_KIND_LABELS[kind], selection.kinds.includes(kind)))}
      <span aria-hidden className="h-4 w-px bg-border" />
      {option("highlighted", "Highlighted events of other kinds", selection.highlighted)}
    </fieldset>
  );
}

function BlockTable({ table }: { table: Pick<FrozenTable, "columns" | "rows" | "note"> }) {
  if (table.rows.length === 0) return <p className="px-3 py-2 text-sm text-muted-foreground">{table.note ? `${table.note} Nothing recorded yet.` : "Nothing recorded yet."}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs">
        <thead className="bg-muted/60">
          <tr>
            {table.columns.map((c) => (
              <th key={c} className="px-3 py-1.5 font-semibold">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-t border-border align-top">
              {row.map((cell, j) => (
                <td key={j} className="px-3 py-1.5 whitespace-pre-wrap">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note ? <p className="border-t border-border px-3 py-1.5 text-[11px] text-muted-foreground">{table.note}</p> : null}
    </div>
  );
}

/**
 * A block bound to incident data. While drafting it shows the incident as it is now; once
 * the postmortem is published, the snapshot frozen into the document (`frozen`).
 */
export function DataBlockView({ node, selected, editor, updateAttributes }: ReactNodeViewProps) {
  const source = useContext(DataBlockSourceContext);
  const type = node.type.name;
  const frozen = isFrozenTable(node.attrs.frozen) ? node.attrs.frozen : null;
  const incidentId = (node.attrs.incidentId as string | null) ?? null;
  const selection = type === "incidentTimeline" ? timelineSelectionOf(node.attrs) : null;
  const live = useLiveIncidentSnapshot(incidentId, source?.incidentRef ?? "", !frozen && !!source, selection?.kinds ?? []);
  const title = (node.attrs.title as string | null) ?? (isDataBlockType(type) ? DATA_BLOCK_TITLES[type] : type);

  let body: React.ReactNode;
  if (frozen) body = <BlockTable table={frozen} />;
  else if (live.error) body = <p className="px-3 py-2 text-sm text-destructive">Could not load the incident data: {live.error.message}</p>;
  else if (!live.snapshot || !source || !isDataBlockType(type)) body = <p className="px-3 py-2 text-sm text-muted-foreground">Loading incident data…</p>;
  else body = <BlockTable table={freezeDataBlock(type, live.snapshot, source.control, new Date().toISOString(), node.attrs)} />;
  const published = source?.control.status.toLowerCase() === "published";
  const liveNote = published ? "Live data: the published revision holds it as of publication" : "Live data — frozen when published";

  return (
    <NodeViewWrapper
      data-block={type}
      contentEditable={false}
      className={`not-prose my-3 overflow-hidden rounded-md border ${selected ? "border-primary ring-2 ring-primary/30" : "border-border"} bg-card`}
    >
      <div className="flex items-center justify-between gap-2 border-b border-border bg-muted/40 px-3 py-1.5">
        <span className="text-xs font-semibold">{title}</span>
        <span className="text-[11px] text-muted-foreground">{frozen ? `Frozen ${formatUtc(frozen.capturedAt)}` : liveNote}</span>
      </div>
      {selection && !frozen && editor.isEditable ? <TimelineSelectionFilter selection={selection} onChange={(next) => updateAttributes({ selection: next })} /> : null}
      {body}
    </NodeViewWrapper>
  );
}
