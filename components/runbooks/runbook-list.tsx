import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/time/timestamp";

export interface RunbookListItem {
  id: string;
  title: string;
  alertNames: string[];
  services: string[];
  sourceUrl: string | null;
  staleAt: string | null;
  source: { repository: string } | null;
}

export interface RunbookSourceItem {
  id: string;
  repository: string;
  ref: string | null;
  path: string;
  lastSyncedAt: string | null;
  lastError: string | null;
  failures: number;
  nextSyncAt: string | null;
}

export function RunbookList({ items }: { items: RunbookListItem[] }) {
  return (
    <ul className="divide-y divide-border">
      {items.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-2 px-4 py-3 text-sm">
          <Link href={`/runbooks/${r.id}`} className="font-medium hover:underline">
            {r.title}
          </Link>
          {r.staleAt && <Badge variant="outline">stale: removed upstream</Badge>}
          {r.source && <Badge variant="muted">{r.source.repository}</Badge>}
          <span className="ml-auto flex flex-wrap gap-1">
            {r.alertNames.map((a) => (
              <Badge key={a} variant="secondary">
                {a}
              </Badge>
            ))}
            {r.services.map((s) => (
              <Badge key={s} variant="outline">
                {s}
              </Badge>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Synced folders with their health: the last error and when the next attempt is due. */
export function RunbookSources({ items }: { items: RunbookSourceItem[] }) {
  return (
    <ul className="divide-y divide-border">
      {items.map((s) => (
        <li key={s.id} className="flex flex-col gap-1 px-4 py-3 text-sm">
          <span className="font-medium">
            {s.repository}
            {s.ref ? `@${s.ref}` : ""} / {s.path || "(root)"}
          </span>
          <span className="text-xs text-muted-foreground">
            Last synced {s.lastSyncedAt ? <Timestamp value={s.lastSyncedAt} precision="minutes" /> : "never"}; next{" "}
            {s.nextSyncAt ? <Timestamp value={s.nextSyncAt} precision="minutes" /> : "soon"}
          </span>
          {s.lastError && (
            <p role="alert" className="text-xs text-destructive">
              {s.lastError} ({s.failures} failed attempt{s.failures === 1 ? "" : "s"}; retrying with backoff)
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
