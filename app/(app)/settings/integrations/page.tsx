import type { Metadata } from "next";
import { Cable } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { AddIntegrationDialog } from "@/components/integrations/add-integration-dialog";
import { IntegrationTable } from "@/components/integrations/integration-table";
import { LiveRefresh } from "@/components/live/live-refresh";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const ctx = await getPageContext("settings:manage");
  const integrations = await listIntegrations(ctx);
  return (
    <>
      <LiveRefresh on={["delivery"]} />
      <PageHeader
        title="Integrations"
        description="Alertmanager, Grafana, PagerDuty, GitHub, Flux and Argo CD send their events here. Each integration has its own URL and secret."
        actions={<AddIntegrationDialog />}
      />
      <div className="rounded-lg border border-border bg-card shadow-xs">
        {integrations.length === 0 ? (
          <EmptyState icon={<Cable aria-hidden />} title="No integrations yet">
            Add one for your alerting (Alertmanager, Grafana) and one for your changes (GitHub, Flux, Argo CD), and incidents start building their own
            timelines.
          </EmptyState>
        ) : (
          <IntegrationTable integrations={integrations} />
        )}
      </div>
    </>
  );
}
