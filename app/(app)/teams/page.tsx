import type { Metadata } from "next";
import { Users } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { listServices } from "@/lib/services/catalog/list-services";
import { listTeams } from "@/lib/services/catalog/list-teams";
import { getTeamSlackChannel } from "@/lib/services/slack/get-team-slack-channel";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { TeamCards } from "@/components/catalog/team-cards";
import { NewTeamDialog } from "@/components/catalog/new-team-dialog";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const ctx = await getPageContext("catalog:read");
  const [teams, services] = await Promise.all([listTeams(ctx), listServices(ctx)]);
  const canWrite = roleHasPermission(ctx.role, "catalog:write");
  // One small query per team: an organisation has tens of teams, not thousands.
  const slackByTeam = new Map(await Promise.all(teams.items.map(async (t) => [t.slug, await getTeamSlackChannel(ctx, t.slug)] as const)));
  return (
    <>
      <PageHeader title="Teams" description="Who owns what: each team and the services it runs." actions={canWrite && <NewTeamDialog />} />
      {teams.items.length === 0 ? (
        <div className="rounded-lg border border-border bg-card">
          <EmptyState icon={<Users aria-hidden />} title="No teams yet">
            {canWrite ? "Create a team, then assign services to it." : "An editor or admin can create teams."}
          </EmptyState>
        </div>
      ) : (
        <TeamCards teams={teams.items} services={services.items} canWrite={canWrite} slack={{ byTeam: slackByTeam, canManage: roleHasPermission(ctx.role, "settings:manage") }} />
      )}
    </>
  );
}
