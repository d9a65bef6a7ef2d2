import { BookOpen, ExternalLink, LayoutDashboard } from "lucide-react";
import { GRAFANA_RANGED_LINKS, withGrafanaTimeRange, type TimeRange } from "@/lib/core/grafana-time-range";
import { safeExternalHref } from "@/lib/core/safe-href";
import type { AlertView } from "./alert-types";

/**
 * A small link to another tool (runbook, alert source), opening in a new tab; nothing when
 * the sender's URL is not http(s) (lib/core/safe-href.ts).
 */
function ExternalTextLink({ href, children }: { href: string; children: React.ReactNode }) {
  const safe = safeExternalHref(href);
  if (!safe) return null;
  return (
    <a
      href={safe}
      target="_blank"
      rel="noreferrer noopener"
      className="inline-flex items-center gap-1 rounded-sm text-xs font-medium text-primary outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
    >
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

/**
 * An alert's runbook, its source (the rule or dashboard that fired it) and the Grafana
 * dashboard and panel it came with, where it has them. Given a time range (the incident's),
 * the Grafana links open on it; otherwise on the alert's own episode.
 */
export function AlertSourceLinks({
  alert,
  timeRange,
}: {
  alert: Pick<AlertView, "runbookUrl" | "generatorUrl" | "links" | "startsAt" | "endsAt">;
  timeRange?: TimeRange;
}) {
  const range = timeRange ?? { from: new Date(alert.startsAt), to: alert.endsAt ? new Date(alert.endsAt) : null };
  return (
    <>
      {GRAFANA_RANGED_LINKS.map(({ name, label }) =>
        alert.links[name] ? (
          <ExternalTextLink key={name} href={withGrafanaTimeRange(alert.links[name], range)}>
            <LayoutDashboard aria-hidden className="size-3.5" />
            {label}
          </ExternalTextLink>
        ) : null,
      )}
      {alert.runbookUrl && (
        <ExternalTextLink href={alert.runbookUrl}>
          <BookOpen aria-hidden className="size-3.5" />
          Runbook
        </ExternalTextLink>
      )}
      {alert.generatorUrl && (
        <ExternalTextLink href={alert.generatorUrl}>
          <ExternalLink aria-hidden className="size-3.5" />
          Source
        </ExternalTextLink>
      )}
    </>
  );
}
