import Link from "next/link";
import type { ChangeView } from "./change-types";
import { isFailure } from "./change-kinds";
import { ChangeRows } from "./change-table";

interface ServiceGroup {
  slug: string | null;
  changes: ChangeView[];
  failures: number;
}

function groupByService(changes: ChangeView[]): ServiceGroup[] {
  const groups = new Map<string | null, ServiceGroup>();
  for (const change of changes) {
    const group = groups.get(change.service) ?? { slug: change.service, changes: [], failures: 0 };
    group.changes.push(change);
    if (isFailure(change.kind)) group.failures += 1;
    groups.set(change.service, group);
  }
  return [...groups.values()].sort((a, b) => b.changes.length - a.changes.length || String(a.slug).localeCompare(String(b.slug)));
}

/**
 * "Since yesterday" for one team: how much changed on each of its services, then the changes
 * themselves, service by service.
 */
export function TeamDigest({
  teamName,
  changes,
  serviceNames,
  serviceHref,
}: {
  teamName: string;
  changes: ChangeView[];
  serviceNames: Record<string, string>;
  serviceHref: (slug: string) => string;
}) {
  const groups = groupByService(changes);
  const failures = groups.reduce((sum, group) => sum + group.failures, 0);
  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="digest-heading" className="rounded-lg border border-border bg-card p-4 shadow-xs">
        <h2 id="digest-heading" className="text-sm font-semibold">
          Since yesterday for {teamName}
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">
          {changes.length} change{changes.length === 1 ? "" : "s"} on {groups.length} service{groups.length === 1 ? "" : "s"}
          {failures > 0 ? `, ${failures} of them failed` : ", none failed"}.
        </p>
        <ul className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4" aria-label="Changes per service">
          {groups.map((group) => (
            <li key={group.slug ?? "unmapped"}>
              <Link
                href={group.slug ? serviceHref(group.slug) : `#service-unmapped`}
                className="flex items-center justify-between gap-3 rounded-md border border-border px-3 py-2 outline-none transition-colors hover:bg-muted/50 focus-visible:ring-2 focus-visible:ring-ring"
              >
                <span className="flex min-w-0 flex-col">
                  <span className="truncate text-sm font-medium">{group.slug ? (serviceNames[group.slug] ?? group.slug) : "Unmapped"}</span>
                  {group.failures > 0 && <span className="text-xs font-medium text-destructive">{group.failures} failed</span>}
                </span>
                <span className="tabular text-lg font-semibold">{group.changes.length}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {groups.map((group) => (
        <section key={group.slug ?? "unmapped"} id={`service-${group.slug ?? "unmapped"}`} aria-labelledby={`service-${group.slug ?? "unmapped"}-heading`} className="flex flex-col gap-2">
          <h3 id={`service-${group.slug ?? "unmapped"}-heading`} className="flex items-baseline gap-2 text-sm font-semibold">
            {group.slug ? (serviceNames[group.slug] ?? group.slug) : "Unmapped"}
            <span className="tabular font-normal text-muted-foreground">
              {group.changes.length} change{group.changes.length === 1 ? "" : "s"}
            </span>
          </h3>
          <div className="rounded-lg border border-border bg-card shadow-xs">
            <ChangeRows changes={group.changes} serviceNames={serviceNames} showService={false} />
          </div>
        </section>
      ))}
    </div>
  );
}
