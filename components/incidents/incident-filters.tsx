"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Loader2, Search } from "lucide-react";
import { INCIDENT_STATUSES } from "@/lib/core/incident-lifecycle";
import { SEVERITIES, SEVERITY_LABELS } from "@/lib/core/severity";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { statusLabel } from "@/components/status-badge";

export interface IncidentFilterValues {
  status: string;
  severity: string;
  service: string;
  q: string;
}

const SEARCH_DELAY_MS = 350;

/**
 * Filters live in the URL (?status=&severity=&service=&q=) so a filtered list survives a
 * reload and can be shared. Any change starts again from the first page.
 */
export function IncidentFilters({ values, services }: { values: IncidentFilterValues; services: Array<{ slug: string; name: string }> }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useState(values.q);
  const lastPushedQuery = useRef(values.q);

  // Follow the URL when it changes from outside (clear-filters link, back button), but not
  // when it merely catches up with what this input already pushed.
  useEffect(() => {
    if (values.q !== lastPushedQuery.current) {
      lastPushedQuery.current = values.q;
      setQuery(values.q);
    }
  }, [values.q]);

  function apply(next: Partial<IncidentFilterValues>) {
    const merged = { ...values, q: query, ...next };
    const params = new URLSearchParams();
    for (const key of ["status", "severity", "service", "q"] as const) {
      const value = merged[key].trim();
      if (value) params.set(key, value);
    }
    lastPushedQuery.current = merged.q.trim();
    const text = params.toString();
    startTransition(() => router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false }));
  }

  useEffect(() => {
    if (query.trim() === lastPushedQuery.current) return;
    const timer = setTimeout(() => apply({ q: query }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // apply reads the latest values; re-running only on query keeps the debounce simple.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

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
