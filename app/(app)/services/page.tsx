import type { Metadata } from "next";
import { Boxes } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { listServices } from "@/lib/services/catalog/list-services";
import { listTeams } from "@/lib/services/catalog/list-teams";
import { getServiceHealth } from "@/lib/services/insights/get-service-health";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { ServiceTable } from "@/components/catalog/service-table";
import { NewServiceDialog } from "@/components/catalog/new-service-dialog";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const ctx = await getPageContext("catalog:read");
  const [services, teams, board] = await Promise.all([listServices(ctx), listTeams(ctx), getServiceHealth(ctx)]);
  const health = Object.fromEntries(board.teams.flatMap((t) => t.services.map((s) => [s.service, s])));
  const canWrite = roleHasPermission(ctx.role, "catalog:write");
  const critical = services.items.filter((s) => s.supportsCriticalFunction).length;
  return (
    <>
      <PageHeader
        title="Services"
        description={`${services.items.length} service${services.items.length === 1 ? "" : "s"} in the catalogue, ${critical} supporting a critical or important function.`}
        actions={canWrite && <NewServiceDialog teams={teams.items.map((t) => ({ slug: t.slug, name: t.name }))} />}
      />
      <div className="rounded-lg border border-border bg-card shadow-xs">
        {services.items.length === 0 ? (
          <EmptyState icon={<Boxes aria-hidden />} title="No services yet">
            {canWrite ? "Add the services you run so incidents can be linked to them." : "An editor or admin can add services to the catalogue."}
          </EmptyState>
        ) : (
          <ServiceTable services={services.items} teamNames={Object.fromEntries(teams.items.map((t) => [t.slug, t.name]))} canEditMappings={canWrite} health={health} />
        )}
      </div>
    </>
  );
}
