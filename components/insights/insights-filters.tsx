"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";

export interface InsightsFilterValues {
  from: string;
  to: string;
  groupBy: string;
  severity: string;
  team: string;
  service: string;
}

const GROUPINGS = [
  { value: "month", label: "Month" },
  { value: "severity", label: "Severity" },
  { value: "service", label: "Service" },
  { value: "team", label: "Team" },
];

/**
 * The page's filters are a plain GET form, so every view is a URL (shareable, survives a
 * reload) and works before the page's scripts load; a choice submits it at once.
 */
export function InsightsFilters({
  values,
  teams,
  services,
  basePath = "/insights",
}: {
  values: InsightsFilterValues;
  teams: Array<{ slug: string; name: string }>;
  services: Array<{ slug: string; name: string }>;
  basePath?: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <form ref={form} method="get" action={basePath} role="search" aria-label="Filter insights" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-7">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="insights-from">From</Label>
        <Input id="insights-from" name="from" type="date" defaultValue={values.from} onChange={submit} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="insights-to">Until (excl.)</Label>
        <Input id="insights-to" name="to" type="date" defaultValue={values.to} onChange={submit} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="insights-group">Group by</Label>
        <NativeSelect id="insights-group" name="groupBy" defaultValue={values.groupBy} onChange={submit}>
          {GROUPINGS.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="insights-severity">Severity</Label>
        <NativeSelect id="insights-severity" name="severity" defaultValue={values.severity} onChange={submit}>
          <option value="">All</option>
          <option value="SEV1,SEV2">SEV1 and SEV2</option>
          {["SEV1", "SEV2", "SEV3", "SEV4"].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="insights-team">Team</Label>
        <NativeSelect id="insights-team" name="team" defaultValue={values.team} onChange={submit}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="insights-service">Service</Label>
        <NativeSelect id="insights-service" name="service" defaultValue={values.service} onChange={submit}>
          <option value="">All services</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">
        Apply
      </Button>
    </form>
  );
}
