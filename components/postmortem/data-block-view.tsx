"use client";

import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { createContext, useContext } from "react";
import { freezeDataBlock, formatUtc, isFrozenTable, type DocumentControlFacts, type FrozenTable } from "@/lib/documents/incident-snapshot";
import { DATA_BLOCK_TITLES, isDataBlockType } from "@/lib/documents/postmortem-schema";
import { useLiveIncidentSnapshot } from "./use-live-incident-snapshot";

/** What the data blocks need besides their own attributes: which incident, and the document facts. */
export interface DataBlockSource {
  incidentRef: string;
  control: DocumentControlFacts;
}

export const DataBlockSourceContext = createContext<DataBlockSource | null>(null);

function BlockTable({ table }: { table: Pick<FrozenTable, "columns" | "rows"> }) {
  if (table.rows.length === 0) return <p className="px-3 py-2 text-sm text-muted-foreground">Nothing recorded yet.</p>;
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
    </div>
  );
}

/**
 * A block bound to incident data. While drafting it shows the incident as it is now; once
 * the postmortem is published, the snapshot frozen into the document (`frozen`).
 */
export function DataBlockView({ node, selected }: ReactNodeViewProps) {
  const source = useContext(DataBlockSourceContext);
  const type = node.type.name;
  const frozen = isFrozenTable(node.attrs.frozen) ? node.attrs.frozen : null;
  const incidentId = (node.attrs.incidentId as string | null) ?? null;
  const live = useLiveIncidentSnapshot(incidentId, source?.incidentRef ?? "", !frozen && !!source);
  const title = (node.attrs.title as string | null) ?? (isDataBlockType(type) ? DATA_BLOCK_TITLES[type] : type);

  let body: React.ReactNode;
  if (frozen) body = <BlockTable table={frozen} />;
  else if (live.error) body = <p className="px-3 py-2 text-sm text-destructive">Could not load the incident data: {live.error.message}</p>;
  else if (!live.snapshot || !source || !isDataBlockType(type)) body = <p className="px-3 py-2 text-sm text-muted-foreground">Loading incident data…</p>;
  else body = <BlockTable table={freezeDataBlock(type, live.snapshot, source.control, new Date().toISOString())} />;

  return (
    <NodeViewWrapper
      data-block={type}
      contentEditable={false}
      className={`not-prose my-3 overflow-hidden rounded-md border ${selected ? "border-primary ring-2 ring-primary/30" : "border-border"} bg-card`}
    >
      <div className="flex items-center justify-between gap-2 border-b border-border bg-muted/40 px-3 py-1.5">
        <span className="text-xs font-semibold">{title}</span>
        <span className="text-[11px] text-muted-foreground">{frozen ? `Frozen ${formatUtc(frozen.capturedAt)}` : "Live data — frozen when published"}</span>
      </div>
      {body}
    </NodeViewWrapper>
  );
}
