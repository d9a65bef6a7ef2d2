import { listEscalationPolicies, listPagerDutyServices, PagerDutyRequestError } from "@/lib/integrations/pagerduty/pagerduty-client";
import { requirePermission, type ServiceContext } from "../context";
import { ServiceError } from "../errors";
import { loadPagerDutyAccess } from "./internal";
import type { PagerDutyDirectoryView } from "./views";

/** PagerDuty's services and escalation policies, to pick from when mapping a Logbook service. */
export async function getPagerDutyDirectory(ctx: ServiceContext): Promise<PagerDutyDirectoryView> {
  requirePermission(ctx, "catalog:read");
  const { access } = await loadPagerDutyAccess(ctx.db, ctx.organizationId);
  try {
    const [services, escalationPolicies] = await Promise.all([listPagerDutyServices(access), listEscalationPolicies(access)]);
    return { services, escalationPolicies };
  } catch (error) {
    if (error instanceof PagerDutyRequestError) throw new ServiceError(502, "pagerduty_error", error.message, { pagerdutyStatus: error.status });
    throw error;
  }
}
