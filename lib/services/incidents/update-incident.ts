import { and, eq, or } from "drizzle-orm";
import { incident, incidentRole, incidentService, member, user } from "@/db/schema";
import type { Transaction } from "@/db/client";
import { planStatusChange } from "@/lib/core/incident-lifecycle";
import { checkKeyTimes, EDITABLE_KEY_TIMES, KEY_TIME_LABELS, type KeyTimes } from "@/lib/core/incident-key-times";
import { INCIDENT_ROLES, INCIDENT_ROLE_LABELS, type IncidentRole } from "@/lib/core/incident-roles";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { queueSlackSync } from "@/lib/services/slack/queue-slack-sync";
import { appendTimelineEvent } from "./append-timeline-event";
import { findIncident } from "./find-incident";
import { updateIncidentInput } from "./inputs";
import { resolveServiceSlugs } from "./internal";
import { loadIncidentView, type IncidentView, type NewTimelineEvent } from "./views";
import { enqueueJob, REFRESH_INCIDENT_KNOWLEDGE_JOB, RESOLVE_INCIDENT_PAGES_JOB } from "@/lib/jobs/job-payloads";
import { attachRecentSignals } from "../clusters/attach-recent-signals";

type TimelineDraft = Omit<NewTimelineEvent, "organizationId" | "incidentId" | "actor">;

export async function updateIncident(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<IncidentView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(updateIncidentInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, ctx.organizationId, idOrRef, true);
    const before = await loadIncidentView(tx, row);
    const now = new Date();
    const changes: Partial<typeof incident.$inferInsert> = {};
    const events: TimelineDraft[] = [];

    if (input.title !== undefined && input.title !== row.title) {
      changes.title = input.title;
      events.push({ kind: "details_change", title: `Title changed to “${input.title}”`, payload: { from: row.title, to: input.title } });
    }
    if (input.summary !== undefined && input.summary !== row.summary) {
      changes.summary = input.summary;
      events.push({ kind: "details_change", title: "Summary updated", body: input.summary, payload: { field: "summary" } });
    }
    if (input.severity !== undefined && input.severity !== row.severity) {
      changes.severity = input.severity;
      events.push({
        kind: "severity_change",
        title: `Severity changed from ${row.severity} to ${input.severity}`,
        payload: { from: row.severity, to: input.severity },
        highlighted: true,
      });
    }
    if (input.status !== undefined && input.status !== row.status) {
      const plan = planStatusChange(row.status as never, input.status, row, now);
      if (!plan.ok) throw new ConflictError(plan.reason, "illegal_status_change");
      Object.assign(changes, { status: input.status, ...plan.timestamps });
      events.push({
        kind: "status_change",
        title: `Status changed from ${row.status} to ${input.status}`,
        payload: { from: row.status, to: input.status },
        highlighted: input.status === "resolved",
      });
      // A resolved incident becomes a suggestion for later ones: rebuild its search document.
      if (input.status === "resolved" || input.status === "closed") {
        await enqueueJob(tx, REFRESH_INCIDENT_KNOWLEDGE_JOB, { incidentId: row.id }, { organizationId: ctx.organizationId });
      }
      // Resolving the incident resolves its pages in PagerDuty (a no-op job when it paged nobody).
      if (input.status === "resolved") await enqueueJob(tx, RESOLVE_INCIDENT_PAGES_JOB, { incidentId: row.id }, { organizationId: ctx.organizationId });
    }

    const keyTimesSet = EDITABLE_KEY_TIMES.filter((field) => input[field] !== undefined && input[field]?.getTime() !== row[field]?.getTime());
    for (const field of keyTimesSet) {
      const wanted = input[field] ?? null;
      changes[field] = wanted;
      const label = KEY_TIME_LABELS[field].replace(/^./, (c) => c.toUpperCase());
      events.push({
        kind: "details_change",
        title: wanted ? `${label} time set to ${wanted.toISOString().replace("T", " ").slice(0, 19)} UTC` : `${label} time cleared`,
        payload: { field, from: row[field]?.toISOString() ?? null, to: wanted?.toISOString() ?? null },
      });
    }
    if (keyTimesSet.length > 0) {
      const problems = checkKeyTimes({ ...row, ...changes } as KeyTimes, keyTimesSet, now);
      if (problems.length > 0) throw new ValidationError(`Key times: ${problems.map((p) => `${p.field} ${p.message}`).join("; ")}`, problems);
    }
    for (const role of INCIDENT_ROLES) {
      const wanted = input[role];
      if (wanted === undefined) continue;
      events.push(...(await assignRole(tx, ctx.organizationId, row.id, role, wanted, before.roles[role]?.id ?? null)));
    }
    if (input.services !== undefined) events.push(...(await replaceServices(tx, ctx.organizationId, row.id, input.services, before.services)));

    if (events.length === 0) return before;
    const [updated] = await tx
      .update(incident)
      .set({ ...changes, updatedAt: now })
      .where(eq(incident.id, row.id))
      .returning();
    for (const event of events) {
      await appendTimelineEvent(tx, { ...event, organizationId: ctx.organizationId, incidentId: row.id, actor: ctx.actor, occurredAt: now });
    }
    const after = await loadIncidentView(tx, updated!);
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: input.status !== undefined && input.status !== row.status ? "incident.status_changed" : "incident.updated",
      targetType: "incident",
      targetId: row.id,
      ...changedFields(before, after),
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "incident", id: row.id, incidentId: row.id });
    await queueSlackSync(tx, ctx.organizationId, row.id);
    return after;
  });
}

async function assignRole(
  tx: Transaction,
  organizationId: string,
  incidentId: string,
  role: IncidentRole,
  who: string | null,
  currentUserId: string | null,
): Promise<TimelineDraft[]> {
  const label = INCIDENT_ROLE_LABELS[role];
  if (who === null) {
    if (!currentUserId) return [];
    await tx.delete(incidentRole).where(and(eq(incidentRole.incidentId, incidentId), eq(incidentRole.role, role)));
    return [{ kind: "role_change", title: `${label} unassigned`, payload: { role, userId: null } }];
  }
  const [person] = await tx
    .select({ id: user.id, name: user.name, email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, organizationId), or(eq(user.id, who), eq(user.email, who.toLowerCase()))))
    .limit(1);
  if (!person) throw new ValidationError(`No member ${who} in this organisation`, [{ field: role, message: `no member ${who} in this organisation` }]);
  if (person.id === currentUserId) return [];
  await tx
    .insert(incidentRole)
    .values({ incidentId, role, userId: person.id })
    .onConflictDoUpdate({ target: [incidentRole.incidentId, incidentRole.role], set: { userId: person.id, assignedAt: new Date() } });
  return [{ kind: "role_change", title: `${person.name || person.email} is now ${label.toLowerCase()}`, payload: { role, userId: person.id }, highlighted: role === "commander" }];
}

async function replaceServices(tx: Transaction, organizationId: string, incidentId: string, slugs: string[], current: string[]): Promise<TimelineDraft[]> {
  const resolved = await resolveServiceSlugs(tx, organizationId, slugs);
  if (resolved.missing.length > 0) {
    throw new ValidationError(`Unknown services: ${resolved.missing.join(", ")}`, [{ field: "services", message: `unknown service slugs: ${resolved.missing.join(", ")}` }]);
  }
  const added = resolved.found.filter((s) => !current.includes(s.slug));
  const removed = current.filter((slug) => !resolved.found.some((s) => s.slug === slug));
  if (added.length === 0 && removed.length === 0) return [];
  await tx.delete(incidentService).where(eq(incidentService.incidentId, incidentId));
  if (resolved.found.length > 0) {
    await tx.insert(incidentService).values(resolved.found.map((s) => ({ incidentId, serviceId: s.id })));
  }
  await attachRecentSignals(tx, organizationId, incidentId, added.map((s) => s.id));
  const parts = [added.length ? `added ${added.map((s) => s.slug).join(", ")}` : "", removed.length ? `removed ${removed.join(", ")}` : ""].filter(Boolean);
  return [{ kind: "service_change", title: `Services ${parts.join("; ")}`, payload: { added: added.map((s) => s.slug), removed } }];
}

function changedFields(before: IncidentView, after: IncidentView): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof IncidentView>) {
    if (key === "updatedAt") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

