"use client";

import { Loader2 } from "lucide-react";
import { useHydrated } from "@/components/time/use-hydrated";
import { useUrlFilters } from "@/components/filters/use-url-filters";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { CHANGE_KIND_INFO, CHANGE_KIND_OPTIONS, FAILURE_KINDS } from "./change-kinds";
import { TIME_RANGES, startOfYesterdayLocal, toLocalInputValue, type TimeRange } from "./change-time-range";

export interface ChangeFilterValues {
  service: string;
  environment: string;
  kind: string;
  team: string;
  range: TimeRange;
  since: string;
  until: string;
}

const KEYS = ["service", "environment", "kind", "team", "range", "since", "until"] as const;
const TYPING_DELAY_MS = 400;
const FAILURES_VALUE = FAILURE_KINDS.join(",");

/**
 * The feed's filters live in the URL so a view can be shared and survives a reload; any
 * change starts again from the first page.
 */
export function ChangeFilters({
  values,
  services,
  teams,
  environments,
  defaultRange,
}: {
  values: ChangeFilterValues;
  services: Array<{ slug: string; name: string }>;
  teams: Array<{ slug: string; name: string }>;
  environments: string[];
  defaultRange: TimeRange;
}) {
  const hydrated = useHydrated();
  const { text: environment, setText: setEnvironment, apply, pending } = useUrlFilters<ChangeFilterValues>({
    values,
    keys: KEYS,
    typed: "environment",
    typingDelayMs: TYPING_DELAY_MS,
    // Only "since yesterday" and a custom range carry their own bounds.
    normalise: (merged) => (merged.range !== "custom" && merged.range !== "yesterday" ? { ...merged, since: "", until: "" } : merged),
    isDefault: (key, value) => key === "range" && value === defaultRange,
  });

  function changeRange(range: TimeRange) {
    if (range === "yesterday") apply({ range, since: startOfYesterdayLocal().toISOString(), until: "" });
    else if (range === "custom") apply({ range, since: values.since || new Date(Date.now() - 24 * 60 * 60_000).toISOString(), until: values.until });
    else apply({ range });
  }

  const localInstant = (text: string) => {
    const date = new Date(text);
    return text && !Number.isNaN(date.getTime()) ? date.toISOString() : "";
  };

  return (
    <form
      role="search"
      aria-label="Filter changes"
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ environment });
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="changes-service">Service</Label>
        <NativeSelect id="changes-service" value={values.service} onChange={(event) => apply({ service: event.target.value })}>
          <option value="">All services</option>
          {services.map((service) => (
            <option key={service.slug} value={service.slug}>
              {service.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="changes-environment">Environment</Label>
        <Input
          id="changes-environment"
          list="changes-environments"
          placeholder="Any"
          autoComplete="off"
          value={environment}
          onChange={(event) => setEnvironment(event.target.value)}
        />
        <datalist id="changes-environments">
          {environments.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="changes-kind">Kind</Label>
        <NativeSelect id="changes-kind" value={values.kind} onChange={(event) => apply({ kind: event.target.value })}>
          <option value="">All kinds</option>
          <option value={FAILURES_VALUE}>Any failure</option>
          {CHANGE_KIND_OPTIONS.map((kind) => (
            <option key={kind} value={kind}>
              {CHANGE_KIND_INFO[kind].label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="changes-team">Team</Label>
        <NativeSelect id="changes-team" value={values.team} onChange={(event) => apply({ team: event.target.value })}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.slug} value={team.slug}>
              {team.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="col-span-2 flex flex-col gap-1.5 sm:col-span-1">
        <Label htmlFor="changes-range" className="flex items-center gap-2">
          Time
          {pending && <Loader2 aria-label="Loading" className="size-3.5 animate-spin text-muted-foreground" />}
        </Label>
        <NativeSelect id="changes-range" value={values.range} onChange={(event) => changeRange(event.target.value as TimeRange)}>
          {TIME_RANGES.map((range) => (
            <option key={range.value} value={range.value}>
              {range.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      {values.range === "custom" && (
        <div className="col-span-2 grid grid-cols-1 gap-3 sm:col-span-3 sm:grid-cols-2 lg:col-span-2 lg:col-start-4">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="changes-since">From</Label>
            <Input
              id="changes-since"
              type="datetime-local"
              value={hydrated ? toLocalInputValue(values.since) : ""}
              onChange={(event) => apply({ since: localInstant(event.target.value) })}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="changes-until">To</Label>
            <Input
              id="changes-until"
              type="datetime-local"
              value={hydrated ? toLocalInputValue(values.until) : ""}
              onChange={(event) => apply({ until: localInstant(event.target.value) })}
            />
          </div>
        </div>
      )}
    </form>
  );
}
