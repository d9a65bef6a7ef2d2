"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-client";
import { NativeSelect } from "@/components/ui/select";
import type { DocumentComparison } from "@/lib/documents/compare";

const KIND_STYLES = { added: "border-l-emerald-500 bg-emerald-500/5", removed: "border-l-red-500 bg-red-500/5", changed: "border-l-amber-500 bg-amber-500/5" } as const;

/** Block-by-block differences between two revisions, from the compare API. */
export function RevisionCompare({ postmortemId, revisions }: { postmortemId: string; revisions: number[] }) {
  const [from, setFrom] = useState(revisions[0] ?? 1);
  const [to, setTo] = useState(revisions[revisions.length - 1] ?? 1);
  const { data, error, isFetching } = useQuery({
    queryKey: ["postmortem-compare", postmortemId, from, to],
    queryFn: () => apiFetch<DocumentComparison>(`/api/v1/postmortems/${postmortemId}/compare?from=${from}&to=${to}`),
    enabled: from !== to,
  });
  return (
    <div className="flex flex-col gap-2 text-sm">
      <div className="flex items-center gap-2">
        <NativeSelect aria-label="Compare from revision" className="w-auto text-xs" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
          {revisions.map((r) => (
            <option key={r} value={r}>
              Revision {r}
            </option>
          ))}
        </NativeSelect>
        <span className="text-xs text-muted-foreground">to</span>
        <NativeSelect aria-label="Compare to revision" className="w-auto text-xs" value={to} onChange={(e) => setTo(Number(e.target.value))}>
          {revisions.map((r) => (
            <option key={r} value={r}>
              Revision {r}
            </option>
          ))}
        </NativeSelect>
      </div>
      {from === to && <p className="text-xs text-muted-foreground">Pick two different revisions.</p>}
      {error && <p className="text-xs text-destructive">{error.message}</p>}
      {isFetching && <p className="text-xs text-muted-foreground">Comparing…</p>}
      {data && from !== to && (
        <>
          <p className="text-xs text-muted-foreground">
            {data.summary.added} added · {data.summary.removed} removed · {data.summary.changed} changed · {data.summary.unchanged} unchanged
          </p>
          <ol className="flex max-h-96 flex-col gap-1.5 overflow-y-auto">
            {data.changes.map((c, i) => (
              <li key={i} className={`border-l-4 px-2 py-1 text-xs ${KIND_STYLES[c.kind]}`}>
                <span className="font-semibold capitalize">{c.kind}</span> <span className="text-muted-foreground">{c.type}</span>
                {c.before !== null && c.kind !== "added" && <p className="whitespace-pre-wrap text-red-700 line-through dark:text-red-400">{c.before}</p>}
                {c.after !== null && c.kind !== "removed" && <p className="whitespace-pre-wrap text-emerald-700 dark:text-emerald-400">{c.after}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
