"use client";

import { useSyncExternalStore, useTransition } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export interface AuditFilterValues {
  /** ISO 8601 UTC, as in the URL */
  from: string;
  to: string;
  actor: string;
  action: string;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** ISO UTC → the viewer's wall-clock time in datetime-local's format. */
function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return "";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function localInputToIso(value: string): string {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : "";
}

const subscribeNever = () => () => {};

/**
 * From/To are typed in local time but travel as ISO UTC in the URL, so a shared link means
 * the same instant for everyone. The server cannot know the viewer's zone, so the date
 * inputs fill in only after hydration (a remount keyed on it) to keep hydration clean.
 */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const isClient = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const active = Object.values(values).some(Boolean);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    const from = localInputToIso(String(form.get("from") ?? ""));
    const to = localInputToIso(String(form.get("to") ?? ""));
    const actor = String(form.get("actor") ?? "").trim();
    const action = String(form.get("action") ?? "").trim();
    if (from) params.set("from", from);
    if (to) params.set("to", to);
    if (actor) params.set("actor", actor);
    if (action) params.set("action", action);
    const text = params.toString();
    startTransition(() => router.push(text ? `${pathname}?${text}` : pathname, { scroll: false }));
  }

  const dateKey = `${isClient ? "client" : "server"}:${values.from}:${values.to}`;
  return (
    <form role="search" aria-label="Filter the audit log" onSubmit={onSubmit} className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-from">From</Label>
        <Input key={`from-${dateKey}`} id="audit-from" name="from" type="datetime-local" defaultValue={isClient ? isoToLocalInput(values.from) : ""} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-to">To</Label>
        <Input key={`to-${dateKey}`} id="audit-to" name="to" type="datetime-local" defaultValue={isClient ? isoToLocalInput(values.to) : ""} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-actor">Actor</Label>
        <Input key={`actor-${values.actor}`} id="audit-actor" name="actor" placeholder="Name or id" defaultValue={values.actor} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-action">Action</Label>
        <Input key={`action-${values.action}`} id="audit-action" name="action" placeholder="status_changed, incident., approved…" className="font-mono text-xs" defaultValue={values.action} />
      </div>
      <div className="col-span-2 flex items-center gap-2 lg:col-span-1">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending && <Loader2 aria-hidden className="animate-spin" />}
          Apply filters
        </Button>
        {active && (
          <Button asChild variant="ghost">
            <Link href={pathname}>Clear</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
