"use client";

import { Loader2, Search } from "lucide-react";
import { INCIDENT_STATUSES } from "@/lib/core/incident-lifecycle";
import { SEVERITIES, SEVERITY_LABELS } from "@/lib/core/severity";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { statusLabel } from "@/components/status-badge";
import { useUrlFilters } from "@/components/filters/use-url-filters";

export interface IncidentFilterValues {
  status: string;
  severity: string;
  service: string;
  q: string;
}

const SEARCH_DELAY_MS = 350;

/** The incident list's filters (?status=&severity=&service=&q=), kept in the URL. */
export function IncidentFilters({ values, services }: { values: IncidentFilterValues; services: Array<{ slug: string; name: string }> }) {
  const { text: query, setText: setQuery, apply, pending } = useUrlFilters({
    values,
    keys: ["status", "severity", "service", "q"],
    typed: "q",
    typingDelayMs: SEARCH_DELAY_MS,
  });

  return (
    <form
      role="search"
      aria-label="Filter incidents"
      className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-[repeat(3,minmax(0,11rem))_minmax(0,1fr)]"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ q: query });
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-status">Status</Label>
        <NativeSelect id="filter-status" value={values.status} onChange={(event) => apply({ status: event.target.value })}>
          <option value="">All</option>
          <option value="open">Open</option>
          {INCIDENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-severity">Severity</Label>
        <NativeSelect id="filter-severity" value={values.severity} onChange={(event) => apply({ severity: event.target.value })}>
          <option value="">All</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity} — {SEVERITY_LABELS[severity]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="col-span-2 flex flex-col gap-1.5 sm:col-span-1">
        <Label htmlFor="filter-service">Service</Label>
        <NativeSelect id="filter-service" value={values.service} onChange={(event) => apply({ service: event.target.value })}>
          <option value="">All</option>
          {services.map((service) => (
            <option key={service.slug} value={service.slug}>
              {service.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="col-span-2 flex flex-col gap-1.5 sm:col-span-1">
        <Label htmlFor="filter-q">Search</Label>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            id="filter-q"
            type="search"
            placeholder="Title, reference or external id"
            className="pl-8"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          {pending && <Loader2 aria-label="Loading" className="absolute right-2.5 top-1/2 size-4 -translate-y-1/2 animate-spin text-muted-foreground" />}
        </div>
      </div>
    </form>
  );
}
