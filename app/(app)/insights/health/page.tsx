import type { Metadata } from "next";
import { Boxes } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { getServiceHealth } from "@/lib/services/insights/get-service-health";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { LiveRefresh } from "@/components/live/live-refresh";
import { HealthBoard } from "@/components/insights/health-board";

export const metadata: Metadata = { title: "Service health" };

export default async function ServiceHealthPage() {
  const ctx = await getPageContext("incident:read");
  const board = await getServiceHealth(ctx);
  const services = board.teams.flatMap((t) => t.services);
  const red = services.filter((s) => s.state === "red").length;
  const amber = services.filter((s) => s.state === "amber").length;
  return (
    <>
      <LiveRefresh on={["incident", "alert", "delivery", "change"]} />
      <PageHeader
        title="Service health"
        description={
          services.length === 0
            ? "Each service's colour from its open incidents, firing alerts, failing reconciliations, failed rollouts and recent failed deploys."
            : `${services.length} services: ${red} red, ${amber} amber, ${services.length - red - amber} green. Red: an open SEV1/SEV2 incident, a firing critical alert or an unhealthy rollout. Amber: anything else open, firing or failing in the last day.`
        }
      />
      {services.length === 0 ? (
        <div className="rounded-lg border border-border bg-card shadow-xs">
          <EmptyState icon={<Boxes aria-hidden />} title="No services yet">
            Add services to the catalogue and their health shows here.
          </EmptyState>
        </div>
      ) : (
        <HealthBoard teams={board.teams} />
      )}
    </>
  );
}
