"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight, LoaderCircle } from "lucide-react";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { DeliveryDetailView } from "./delivery-types";

const PREVIEW_LENGTH = 140;

/** Pretty-prints JSON bodies; anything else is shown as it came. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The start of the body on one line, with the button that shows the whole of it. */
export function DeliveryPreview({ preview, open, panelId, onToggle }: { preview: string; open: boolean; panelId: string; onToggle: () => void }) {
  const oneLine = preview.replace(/\s+/g, " ").trim();
  return (
    <div className="flex min-w-0 items-start gap-1">
      <Button variant="ghost" size="icon" className="-ml-1 size-6 shrink-0" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
        {open ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
        <span className="sr-only">{open ? "Hide the full body" : "Show the full body"}</span>
      </Button>
      <code className="min-w-0 break-all pt-0.5 font-mono text-[11px] leading-snug text-muted-foreground">
        {oneLine.length > PREVIEW_LENGTH ? `${oneLine.slice(0, PREVIEW_LENGTH)}…` : oneLine || "(empty body)"}
      </code>
    </div>
  );
}

/** The whole body (fetched on demand: a body can be a megabyte) with the headers it came with. */
export function DeliveryBody({ deliveryId, panelId }: { deliveryId: string; panelId: string }) {
  const detail = useQuery({
    queryKey: ["delivery", deliveryId],
    queryFn: ({ signal }) => apiFetch<DeliveryDetailView>(`/api/v1/deliveries/${encodeURIComponent(deliveryId)}`, { signal }),
    staleTime: Infinity,
  });
  return (
    <div id={panelId} className="flex min-w-0 flex-col gap-2 rounded-md border border-border bg-muted/40 p-3">
      {detail.isPending ? (
        <span className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> Loading the body…
        </span>
      ) : detail.isError ? (
        <span className="text-xs text-destructive">Could not load the body: {(detail.error as Error).message}</span>
      ) : (
        <>
          <div className="flex items-center justify-between gap-2">
            <span className="text-xs font-medium text-muted-foreground">
              Body · {detail.data.body.length.toLocaleString("en-US")} characters
              {detail.data.bodyTruncated ? " (only the start was kept: the delivery was refused for its credentials)" : ""}
              {detail.data.eventType ? ` · event ${detail.data.eventType}` : ""}
            </span>
            <CopyButton value={detail.data.body} label="Body" variant="ghost" className="h-7">
              Copy body
            </CopyButton>
          </div>
          <pre tabIndex={0} className="max-h-96 overflow-auto rounded border border-border bg-card p-3 font-mono text-xs leading-relaxed outline-none focus-visible:ring-2 focus-visible:ring-ring">
            {readable(detail.data.body)}
          </pre>
          {Object.keys(detail.data.headers).length > 0 && (
            <details className="text-xs">
              <summary className="cursor-pointer font-medium text-muted-foreground">Headers (credentials are never stored)</summary>
              <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 font-mono text-[11px]">
                {Object.entries(detail.data.headers).map(([name, value]) => (
                  <div key={name} className="contents">
                    <dt className="text-muted-foreground">{name}</dt>
                    <dd className="break-all">{value}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
        </>
      )}
    </div>
  );
}
