import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ActionItemsPanel } from "@/components/action-items/action-items-panel";
import { IncidentControls } from "@/components/incidents/incident-controls";
import { IncidentHeader } from "@/components/incidents/incident-header";
import { IncidentKeyTimes } from "@/components/incidents/incident-key-times";
import { KeyTimesEditor } from "@/components/incidents/key-times-editor";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { TimelineFollowProvider } from "@/components/incidents/timeline-follow";
import { IncidentSummary } from "@/components/incidents/incident-summary";
import { Panel } from "@/components/incidents/panel";
import { IncidentKnowledgePanels } from "@/components/knowledge/incident-knowledge-panels";
import { IncidentAlertsPanel } from "@/components/alerts/incident-alerts-panel";
import { IncidentClusterPanel } from "@/components/clusters/incident-cluster-panel";
import { DEFAULT_LOOKBACK_MINUTES } from "@/components/changes/lookback-options";
import { WhatChangedPanel } from "@/components/changes/what-changed-panel";
import { OnCallPanel } from "@/components/paging/on-call-panel";
import { IncidentLiveUpdates } from "@/components/live/incident-live-updates";
import { IncidentDeadlineClocks } from "@/components/regulatory/incident-deadline-clocks";
import { IncidentRegulatoryPanel } from "@/components/regulatory/incident-regulatory-panel";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { listServices } from "@/lib/services/catalog/list-services";
import { NotFoundError } from "@/lib/services/errors";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import { listMembers } from "@/lib/services/organizations/list-members";
import { listAlerts } from "@/lib/services/alerts/list-alerts";
import { listSignals } from "@/lib/services/clusters/list-signals";
import { listSuspectChanges } from "@/lib/services/changes/list-suspect-changes";
import { listClassifications } from "@/lib/services/regulatory/list-classifications";
import { listClocks } from "@/lib/services/regulatory/list-clocks";
import { listReports } from "@/lib/services/regulatory/list-reports";
import { getClassificationDefaults } from "@/lib/services/regulatory/get-classification-defaults";
import { checkSlackConnected } from "@/lib/services/slack/check-slack-connected";

interface IncidentPageProps {
  params: Promise<{ ref: string }>;
}

/**
 * Another organisation's incident and an unknown one are the same 404, so a reference
 * tells nobody whether it exists elsewhere. Cached per request: metadata and page share it.
 */
const loadIncident = cache(async (ref: string) => {
  const ctx = await getPageContext("incident:read");
  try {
    return { ctx, incident: await getIncident(ctx, ref) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: IncidentPageProps): Promise<Metadata> {
  const { incident } = await loadIncident((await params).ref);
  return { title: `${incident.ref} · ${incident.title}` };
}

export default async function IncidentPage({ params }: IncidentPageProps) {
  const { ref } = await params;
  const { ctx, incident } = await loadIncident(ref);
  // Links may use the id or a lower-case reference; the address bar shows the canonical one.
  if (ref !== incident.ref) redirect(`/incidents/${incident.ref}`);

  const canWrite = roleHasPermission(ctx.role, "incident:write");
  const [firstPage, members, services, alerts, suspects, renderedAt] = await Promise.all([
    listTimeline(ctx, incident.id, { limit: "200" }),
    canWrite ? listMembers(ctx) : [],
    canWrite ? listServices(ctx).then((page) => page.items.map((s) => ({ slug: s.slug, name: s.name }))) : [],
    listAlerts(ctx, { incident: incident.id, limit: 100 }),
    listSuspectChanges(ctx, incident.id, { lookback: DEFAULT_LOOKBACK_MINUTES, limit: 100 }),
    loadedAt(),
  ]);
  const [classifications, reports, clocks, defaults, signals, canConnectSlack] = await Promise.all([
    listClassifications(ctx, incident.id),
    listReports(ctx, { incident: incident.id }),
    listClocks(ctx, { incident: incident.id }),
    getClassificationDefaults(ctx, incident.id),
    listSignals(ctx, { incident: incident.id }),
    canWrite && !incident.slack ? checkSlackConnected(ctx) : false,
  ]);

  return (
    <TimelineFollowProvider>
      <IncidentLiveUpdates incidentId={incident.id} incidentRef={incident.ref} />
      <div className="mx-auto flex w-full max-w-7xl flex-col gap-5 px-4 py-5 sm:px-6 lg:py-6">
        <IncidentHeader incident={incident} renderedAt={renderedAt} canWrite={canWrite} canConnectSlack={canConnectSlack} />
        <IncidentDeadlineClocks incidentRef={incident.ref} initial={clocks.items} renderedAt={renderedAt} />
        <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <aside aria-label="Incident details" className="flex min-w-0 flex-col gap-5 lg:col-start-2 lg:row-start-1">
            {canWrite && (
              <Panel title="Manage">
                <IncidentControls incident={incident} members={members} services={services} />
              </Panel>
            )}
            <OnCallPanel incidentRef={incident.ref} services={incident.services} canPage={canWrite && incident.status !== "resolved" && incident.status !== "closed"} />
            <IncidentAlertsPanel
              incidentId={incident.id}
              incidentRef={incident.ref}
              incidentStatus={incident.status}
              timeRange={{ from: incident.occurredAt ?? incident.createdAt, to: incident.resolvedAt }}
              initial={alerts}
              loadedAt={renderedAt}
              canWrite={canWrite}
            />
            <IncidentKnowledgePanels incidentRef={incident.ref} canWrite={canWrite} />
            <Panel title="Key times" actions={canWrite ? <KeyTimesEditor incident={incident} /> : undefined}>
              <IncidentKeyTimes incident={incident} />
            </Panel>
            <Panel title="Action items">
              <ActionItemsPanel incidentRef={incident.ref} canWrite={canWrite} members={members} />
            </Panel>
          </aside>
          <div className="flex min-w-0 flex-col gap-5 lg:col-start-1 lg:row-start-1">
            <IncidentSummary incident={incident} canWrite={canWrite} />
            <IncidentRegulatoryPanel
              incidentRef={incident.ref}
              classifications={classifications.items}
              reports={reports.items}
              canPrepare={roleHasPermission(ctx.role, "regulatory:prepare")}
              entityConfigured={defaults.entityConfigured}
            />
            <IncidentClusterPanel incidentRef={incident.ref} initial={signals} loadedAt={renderedAt} />
            <WhatChangedPanel incidentRef={incident.ref} initial={suspects} loadedAt={renderedAt} canWrite={canWrite} />
            <IncidentTimeline incidentRef={incident.ref} firstPage={firstPage} loadedAt={renderedAt} canWrite={canWrite} />
          </div>
        </div>
      </div>
    </TimelineFollowProvider>
  );
}

/** One instant for the whole render, so the server HTML and the hydrating client agree on clocks. */
async function loadedAt(): Promise<number> {
  return Date.now();
}
