import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { getServiceHealthInput } from "./inputs";
import { resolveScope, serviceHealth } from "./internal";
import type { ServiceHealthBoardView, TeamHealthView } from "./views";

/**
 * The service health board: every service in scope, grouped by owning team (teams by name,
 * services without a team last), green, amber or red with the reasons for its colour.
 */
export async function getServiceHealth(ctx: ServiceContext, rawInput: unknown = {}, now = new Date()): Promise<ServiceHealthBoardView> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(getServiceHealthInput, rawInput);
  const scope = await resolveScope(ctx.db, ctx.organizationId, input);
  const services = await serviceHealth(ctx.db, scope, now);
  const teams = new Map<string | null, TeamHealthView>();
  for (const service of services) {
    const group = teams.get(service.team) ?? { team: service.team, teamName: service.teamName, services: [] };
    group.services.push(service);
    teams.set(service.team, group);
  }
  const sorted = [...teams.values()].sort((a, b) => (a.team === null ? 1 : b.team === null ? -1 : (a.teamName ?? a.team).localeCompare(b.teamName ?? b.team)));
  return { teams: sorted };
}
