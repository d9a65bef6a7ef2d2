import type { Metadata } from "next";
import { BellOff } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { listAlerts } from "@/lib/services/alerts/list-alerts";
import { listServices } from "@/lib/services/catalog/list-services";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { TriageAlertCard } from "@/components/alerts/triage-alert-card";
import { LiveRefresh } from "@/components/live/live-refresh";

export const metadata: Metadata = { title: "Triage" };

/** More than this many alerts waiting is an alert storm; the newest are what matters. */
const TRIAGE_LIMIT = 200;

export default async function TriagePage() {
  const ctx = await getPageContext("incident:read");
  const canWrite = roleHasPermission(ctx.role, "incident:write");
  const [alerts, services, openIncidents] = await Promise.all([
    listAlerts(ctx, { status: "firing", triage: "true", limit: TRIAGE_LIMIT }),
    listServices(ctx),
    canWrite ? listIncidents(ctx, { status: "open", limit: 100 }) : { items: [] },
  ]);
  const serviceOptions = services.items.map((s) => ({ slug: s.slug, name: s.name }));
  const serviceNames = Object.fromEntries(serviceOptions.map((s) => [s.slug, s.name]));
  const incidents = openIncidents.items.map((incident) => ({ ref: incident.ref, title: incident.title, severity: incident.severity, services: incident.services }));
  const count = alerts.items.length;

  return (
    <>
      <LiveRefresh on={["alert", "incident"]} />
      <PageHeader
        title="Triage"
        description={
          count === 0
            ? "Firing alerts that are not on any incident wait here for a person."
            : `${count}${alerts.nextCursor ? "+" : ""} firing alert${count === 1 ? "" : "s"} not on any incident. Declare an incident from one, attach it to an open incident, or fix the alert.`
        }
      />
      {count === 0 ? (
        <div className="rounded-lg border border-border bg-card shadow-xs">
          <EmptyState icon={<BellOff aria-hidden />} title="Nothing to triage">
            Every firing alert is on an incident. Alerts that no routing rule declares on, and that no open incident absorbs, wait here.
          </EmptyState>
        </div>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Alerts in triage">
          {alerts.items.map((alert) => (
            <li key={alert.id}>
              <TriageAlertCard
                alert={alert}
                serviceName={alert.service ? (serviceNames[alert.service] ?? null) : null}
                services={serviceOptions}
                incidents={incidents}
                canWrite={canWrite}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
