import { requirePermission, type ServiceContext } from "../context";
import { findIncident } from "./find-incident";
import { loadIncidentView, type IncidentView } from "./views";

export async function getIncident(ctx: ServiceContext, idOrRef: string): Promise<IncidentView> {
  requirePermission(ctx, "incident:read");
  return loadIncidentView(ctx.db, await findIncident(ctx.db, ctx.organizationId, idOrRef));
}
