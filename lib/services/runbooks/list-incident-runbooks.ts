import { and, eq } from "drizzle-orm";
import { alert, incidentRunbookStep, incidentService, runbook, runbookSource, service } from "@/db/schema";
import { resolveRunbookLinks, type LinkableRunbook, type RunbookLinkKind } from "@/lib/knowledge/runbook-links";
import { parseRunbookSteps } from "@/lib/knowledge/runbook-steps";
import { requirePermission, type ServiceContext } from "../context";
import { findIncident } from "../incidents/find-incident";
import type { IncidentRunbookView } from "./views";

const KIND_ORDER: RunbookLinkKind[] = ["annotation", "alert_name", "service", "external"];

/**
 * Runbooks for the incident's alerts (firing first) and its services, each once, strongest
 * reason first, with the checklist ticks made during this incident.
 */
export async function listIncidentRunbooks(ctx: ServiceContext, idOrRef: string): Promise<{ items: IncidentRunbookView[] }> {
  requirePermission(ctx, "incident:read");
  const row = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const [alerts, services, runbooks, sources, ticks] = await Promise.all([
    ctx.db
      .select({ name: alert.name, status: alert.status, runbookUrl: alert.runbookUrl, annotations: alert.annotations, service: service.slug })
      .from(alert)
      .leftJoin(service, eq(service.id, alert.serviceId))
      .where(and(eq(alert.organizationId, ctx.organizationId), eq(alert.incidentId, row.id))),
    ctx.db
      .select({ slug: service.slug })
      .from(incidentService)
      .innerJoin(service, eq(service.id, incidentService.serviceId))
      .where(eq(incidentService.incidentId, row.id)),
    ctx.db.select().from(runbook).where(eq(runbook.organizationId, ctx.organizationId)),
    ctx.db.select().from(runbookSource).where(eq(runbookSource.organizationId, ctx.organizationId)),
    ctx.db.select().from(incidentRunbookStep).where(eq(incidentRunbookStep.incidentId, row.id)),
  ]);
  const linkable: LinkableRunbook[] = runbooks.map((r) => ({ ...r, stale: r.staleAt !== null }));
  const found = new Map<string, IncidentRunbookView>();
  const add = (key: string, make: () => IncidentRunbookView, reason: string, alertName: string | null, kind: RunbookLinkKind) => {
    const entry = found.get(key) ?? make();
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    if (alertName && !entry.alerts.includes(alertName)) entry.alerts.push(alertName);
    if (KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(entry.kind)) entry.kind = kind;
    found.set(key, entry);
  };
  const byId = new Map(runbooks.map((r) => [r.id, r]));
  const make = (id: string, kind: RunbookLinkKind) => () => {
    const r = byId.get(id)!;
    const steps = parseRunbookSteps(r.body).map((s) => {
      const tick = ticks.find((t) => t.runbookId === r.id && t.step === s.number);
      return { ...s, checked: Boolean(tick), checkedBy: tick?.checkedBy ?? null, checkedAt: tick?.checkedAt.toISOString() ?? null };
    });
    return {
      runbook: { id: r.id, title: r.title, body: r.body, sourceUrl: r.sourceUrl, stale: r.staleAt !== null },
      url: r.sourceUrl,
      kind,
      reasons: [],
      alerts: [],
      steps,
    };
  };
  const ordered = [...alerts].sort((a, b) => Number(b.status === "firing") - Number(a.status === "firing"));
  for (const a of ordered) {
    for (const link of resolveRunbookLinks({ ...a, service: a.service ?? null }, linkable, sources)) {
      if (link.runbookId) add(link.runbookId, make(link.runbookId, link.kind), link.reason, a.name, link.kind);
      else if (link.url) {
        const url = link.url;
        add(`url:${url}`, () => ({ runbook: null, url, kind: "external", reasons: [], alerts: [], steps: [] }), link.reason, a.name, "external");
      }
    }
  }
  const slugs = services.map((s) => s.slug);
  for (const r of runbooks) {
    const shared = r.services.find((s) => slugs.includes(s));
    if (shared) add(r.id, make(r.id, "service"), `runbook of service ${shared}`, null, "service");
  }
  const items = [...found.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return { items };
}
