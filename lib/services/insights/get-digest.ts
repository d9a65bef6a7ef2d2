import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { getDigestInput } from "./inputs";
import { digestActionItemsDue, digestAlerts, digestChanges, digestIncidents, resolveScope, serviceHealth } from "./internal";
import type { DigestView } from "./views";

const DAY_MS = 86_400_000;

/**
 * "Since yesterday" for a team, a service or the organisation: incidents opened and
 * resolved, alerts that fired, what was released and what failed to, action items due, and
 * each service's colour now. A plain view, so the page, the API and a Slack job
 * (lib/insights/digest-message.ts renders it) show the same thing.
 */
export async function getDigest(ctx: ServiceContext, rawInput: unknown = {}, now = new Date()): Promise<DigestView> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(getDigestInput, rawInput);
  const scope = await resolveScope(ctx.db, ctx.organizationId, input);
  const window = { scope, since: input.since ?? new Date(now.getTime() - DAY_MS), until: now };
  const [incidents, alerts, changes, actionItemsDue, health] = await Promise.all([
    digestIncidents(ctx.db, window),
    digestAlerts(ctx.db, window),
    digestChanges(ctx.db, window),
    digestActionItemsDue(ctx.db, window),
    serviceHealth(ctx.db, scope, now),
  ]);
  return {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    scope: { team: scope.team?.slug ?? null, service: scope.service?.slug ?? null },
    incidents,
    alerts,
    changes,
    actionItemsDue,
    health: health.map(({ service, state, reasons }) => ({ service, state, reasons })),
  };
}
