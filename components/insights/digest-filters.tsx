"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";

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
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="digest-team">Team</Label>
        <NativeSelect id="digest-team" name="team" defaultValue={team} onChange={submit}>
          <option value="">Whole organisation</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="digest-service">Service</Label>
        <NativeSelect id="digest-service" name="service" defaultValue={service} onChange={submit}>
          <option value="">All services</option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">
        Show
      </Button>
    </form>
  );
}
