"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { OptionSelect, slugOptions } from "./option-select";

/** Whose morning overview: a team or a service (a GET form, so each choice is a URL). */
export function DigestFilters({
  team,
  service,
  teams,
  services,
}: {
  team: string;
  service: string;
  teams: Array<{ slug: string; name: string }>;
  services: Array<{ slug: string; name: string }>;
}) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <form ref={form} method="get" action="/insights/digest" role="search" aria-label="Choose the digest" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[1fr_1fr_auto] lg:max-w-2xl">
      <OptionSelect id="digest-team" name="team" label="Team" all="Whole organisation" options={slugOptions(teams)} value={team} onChange={submit} />
      <OptionSelect id="digest-service" name="service" label="Service" all="All services" options={slugOptions(services)} value={service} onChange={submit} />
      <Button type="submit" variant="outline">
        Show
      </Button>
    </form>
  );
}
