"use client";

import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, BellRing, LoaderCircle, PhoneCall, RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Panel } from "@/components/incidents/panel";
import { useTimelineSync } from "@/components/incidents/use-incident-timeline";
import { Timestamp } from "@/components/time/timestamp";
import type { OnCallAnswer, OnCallView, PageView } from "@/lib/services/paging/views";

const PAGE_STATUS: Record<PageView["status"], { label: string; variant: "default" | "secondary" | "success" | "muted" | "destructive" }> = {
  queued: { label: "Sending", variant: "secondary" },
  triggered: { label: "Paged", variant: "default" },
  acknowledged: { label: "Acknowledged", variant: "success" },
  resolving: { label: "Resolving", variant: "secondary" },
  resolved: { label: "Resolved", variant: "muted" },
};

function OnCallList({ items }: { items: OnCallView[] }) {
  const services = [...new Set(items.map((i) => i.service))];
  return (
    <div className="flex flex-col gap-3">
      {services.map((service) => (
        <div key={service}>
          <p className="mb-1 text-xs text-muted-foreground">
            <span className="font-mono text-foreground/80">{service}</span> · {items.find((i) => i.service === service)!.escalationPolicy.name}
          </p>
          <ul aria-label={`On call for ${service}`} className="flex flex-col gap-1.5">
            {items
              .filter((i) => i.service === service)
              .map((entry) => (
                <li key={`${entry.level}-${entry.user.email ?? entry.user.name}`} className="flex items-start gap-2 text-sm">
                  <span className="mt-px inline-flex size-5 shrink-0 items-center justify-center rounded-full bg-muted text-[11px] font-semibold" title={`Escalation level ${entry.level}`}>
                    <span className="sr-only">Level </span>
                    {entry.level}
                  </span>
                  {/* The name on its own line: "until …" beside it squeezed two-word names onto two lines. */}
                  <span className="flex min-w-0 flex-col">
                    {entry.user.email ? (
                      <a href={`mailto:${entry.user.email}`} className="truncate font-medium hover:underline">
                        {entry.user.name}
                      </a>
                    ) : (
                      <span className="truncate font-medium">{entry.user.name}</span>
                    )}
                    <span className="text-xs text-muted-foreground">
                      {entry.end ? (
                        <>
                          until <Timestamp value={entry.end} precision="minutes" />
                        </>
                      ) : (
                        "always on call"
                      )}
                    </span>
                  </span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function PageList({ pages }: { pages: PageView[] }) {
  return (
    <ul aria-label="Pages" className="flex flex-col gap-2 border-t border-border pt-3">
      {pages.map((page) => (
        <li key={page.id} className="flex flex-col gap-1 text-xs" data-testid="page">
          <div className="flex items-center justify-between gap-2">
            <span>
              Page{page.service ? ` for ${page.service}` : ""} · <Timestamp value={page.createdAt} precision="minutes" />
            </span>
            {page.status === "queued" && page.lastError ? <Badge variant="destructive">Retrying</Badge> : <Badge variant={PAGE_STATUS[page.status].variant}>{PAGE_STATUS[page.status].label}</Badge>}
          </div>
          {page.lastError && page.status === "queued" && (
            <p role="status" className="flex items-start gap-1 text-destructive">
              <AlertTriangle aria-hidden className="mt-0.5 size-3 shrink-0" />
              {page.lastError} (attempt {page.attempts})
            </p>
          )}
          {page.pagerdutyIncidentUrl && (
            <a href={page.pagerdutyIncidentUrl} target="_blank" rel="noreferrer noopener" className="text-primary hover:underline">
              Open in PagerDuty
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Who is on call for the affected services (levels 1 and 2, until when) and "Page on-call".
 * PagerDuty failing shows here with its reason; pages are retried in the background and
 * never hold the incident up.
 */
export function OnCallPanel({ incidentRef, services, canPage }: { incidentRef: string; services: string[]; canPage: boolean }) {
  const base = `/api/v1/incidents/${encodeURIComponent(incidentRef)}`;
  const queryClient = useQueryClient();
  const { refreshTail } = useTimelineSync(incidentRef);
  const [composing, setComposing] = useState(false);
  const [message, setMessage] = useState("");
  const [service, setService] = useState("");
  const onCall = useQuery({
    queryKey: ["on-call", incidentRef],
    queryFn: ({ signal }) => apiFetch<OnCallAnswer>(`${base}/on-call`, { signal }),
    staleTime: 60_000,
    // PagerDuty failing is answered in `error` ("…; retrying"): ask again while it lasts.
    refetchInterval: (query) => (query.state.data?.error ? 30_000 : false),
  });
  const pages = useQuery({
    queryKey: ["pages", incidentRef],
    queryFn: ({ signal }) => apiFetch<{ items: PageView[] }>(`${base}/pages`, { signal }),
    // While a page is on its way (or being retried), look again now and then.
    refetchInterval: (query) => (query.state.data?.items.some((p) => p.status === "queued" || p.status === "resolving") ? 5_000 : false),
  });
  const page = useMutation({
    mutationFn: () => apiFetch<PageView>(`${base}/pages`, { method: "POST", body: { ...(message.trim() ? { message: message.trim() } : {}), ...(service ? { service } : {}) } }),
    onSuccess: (sent) => {
      toast.success(sent.status === "queued" ? "Paging on-call" : "Already paged: the page is open in PagerDuty");
      setComposing(false);
      setMessage("");
      void queryClient.invalidateQueries({ queryKey: ["pages", incidentRef] });
      void refreshTail().catch(() => undefined);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not page on-call."),
  });
  const answer = onCall.data;
  const mappedServices = services.filter((s) => !answer?.unmapped.includes(s));

  return (
    <Panel
      title="On call"
      actions={
        canPage && !composing ? (
          <Button size="sm" variant="outline" className="h-7" onClick={() => setComposing(true)}>
            <PhoneCall aria-hidden />
            Page on-call
          </Button>
        ) : undefined
      }
    >
      <div className="flex flex-col gap-3" data-testid="on-call">
        {composing && (
          <form
            className="flex flex-col gap-2 rounded-md border border-border p-2"
            onSubmit={(event) => {
              event.preventDefault();
              page.mutate();
            }}
          >
            {mappedServices.length > 1 && (
              <div className="flex flex-col gap-1">
                <Label htmlFor="page-service" className="text-xs">
                  Service
                </Label>
                <NativeSelect id="page-service" value={service} onChange={(event) => setService(event.target.value)}>
                  <option value="">First with PagerDuty</option>
                  {mappedServices.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </NativeSelect>
              </div>
            )}
            <Label htmlFor="page-message" className="text-xs">
              Message (optional)
            </Label>
            <Textarea id="page-message" rows={2} maxLength={1000} placeholder="The incident's reference, severity and title" value={message} onChange={(event) => setMessage(event.target.value)} autoFocus />
            <div className="flex justify-end gap-2">
              <Button type="button" size="sm" variant="ghost" onClick={() => setComposing(false)}>
                Cancel
              </Button>
              <Button type="submit" size="sm" disabled={page.isPending}>
                {page.isPending ? <LoaderCircle aria-hidden className="animate-spin" /> : <BellRing aria-hidden />}
                Send page
              </Button>
            </div>
          </form>
        )}
        {onCall.isPending ? (
          <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> Asking PagerDuty…
          </p>
        ) : onCall.isError ? (
          <p role="alert" className="text-sm text-destructive">
            Could not load who is on call: {(onCall.error as Error).message}
          </p>
        ) : answer?.error ? (
          <div role="alert" className="flex flex-col items-start gap-2 text-sm">
            <p className="flex items-start gap-1.5 text-destructive">
              <AlertTriangle aria-hidden className="mt-0.5 size-3.5 shrink-0" />
              {answer.error}
            </p>
            <Button size="sm" variant="outline" className="h-7" onClick={() => void onCall.refetch()}>
              <RefreshCw aria-hidden /> Try again
            </Button>
          </div>
        ) : answer && answer.items.length > 0 ? (
          <OnCallList items={answer.items} />
        ) : (
          <p className="text-sm text-muted-foreground">
            {services.length === 0 ? (
              "No affected services, so nobody to show."
            ) : (
              <>
                No affected service has a PagerDuty escalation policy; an admin maps services in{" "}
                <Link href="/settings/pagerduty" className="text-primary hover:underline">
                  Settings → PagerDuty
                </Link>
                .
              </>
            )}
          </p>
        )}
        {answer && answer.unmapped.length > 0 && answer.items.length > 0 && <p className="text-xs text-muted-foreground">Not in PagerDuty: {answer.unmapped.join(", ")}</p>}
        {pages.data && pages.data.items.length > 0 && <PageList pages={pages.data.items} />}
      </div>
    </Panel>
  );
}
