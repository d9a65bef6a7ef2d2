"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { OptionSelect, slugOptions } from "./option-select";

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

const SEVERITY_OPTIONS = [{ value: "SEV1,SEV2", label: "SEV1 and SEV2" }, ...["SEV1", "SEV2", "SEV3", "SEV4"].map((s) => ({ value: s, label: s }))];

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
      <OptionSelect id="insights-group" name="groupBy" label="Group by" options={GROUPINGS} value={values.groupBy} onChange={submit} />
      <OptionSelect id="insights-severity" name="severity" label="Severity" all="All" options={SEVERITY_OPTIONS} value={values.severity} onChange={submit} />
      <OptionSelect id="insights-team" name="team" label="Team" all="All teams" options={slugOptions(teams)} value={values.team} onChange={submit} />
      <OptionSelect id="insights-service" name="service" label="Service" all="All services" options={slugOptions(services)} value={values.service} onChange={submit} />
      <Button type="submit" variant="outline">
        Apply
      </Button>
    </form>
  );
}
