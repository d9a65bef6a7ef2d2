import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { incident, incidentRole, incidentService, member, organizationCounter, service, timelineEvent, user } from "@/db/schema";
import type { Transaction } from "@/db/client";
import { userActor, type Actor } from "@/lib/core/actor";
import { planStatusChange, timestampsForInitialStatus, type IncidentStatus } from "@/lib/core/incident-lifecycle";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { INCIDENT_ROLE_LABELS, type IncidentRole } from "@/lib/core/incident-roles";
import type { Severity } from "@/lib/core/severity";
import type { TimelineKind } from "@/lib/core/timeline-kinds";
import type { ServiceContext } from "@/lib/services/context";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { loadIncidentViews } from "@/lib/services/incidents/views";
import { DEMO_INCIDENT_STORIES } from "./demo-incident-stories";
import { DEMO_STORY_PEOPLE, type DemoIncidentStory, type DemoPerson, type StoryStart } from "./demo-incident-story";

const MINUTE_MS = 60_000;

type IncidentInsert = typeof incident.$inferInsert;
type TimelineInsert = typeof timelineEvent.$inferInsert;
type RoleInsert = typeof incidentRole.$inferInsert;

interface Person {
  id: string;
  actor: Actor;
}

interface ReplayedIncident {
  row: IncidentInsert & { id: string };
  serviceIds: string[];
  roles: RoleInsert[];
  events: TimelineInsert[];
}

/**
 * Past incidents with realistic timelines. The verbs stamp "now", so each story is replayed
 * here into rows with past timestamps, producing the same timeline kinds, titles and
 * payloads the verbs would have, all in one transaction (one round of batched inserts keeps
 * the first `npm run dev` fast). Each incident gets an `incident.imported` audit row so the
 * organisation's chain still covers everything it holds.
 */
export async function seedDemoIncidents(ctx: ServiceContext, now: Date = new Date()): Promise<void> {
  const stories = [...DEMO_INCIDENT_STORIES].sort((a, b) => startOf(a.start, now).getTime() - startOf(b.start, now).getTime());
  await ctx.db.transaction(async (tx) => {
    const people = await loadPeople(tx, ctx.organizationId);
    const serviceIds = await loadServiceIds(tx, ctx.organizationId);
    // Reserve the whole block of numbers the way declareIncident takes one, so later
    // declarations continue the sequence.
    const [counter] = await tx
      .insert(organizationCounter)
      .values({ organizationId: ctx.organizationId, name: "incident", value: stories.length })
      .onConflictDoUpdate({
        target: [organizationCounter.organizationId, organizationCounter.name],
        set: { value: sql`${organizationCounter.value} + ${stories.length}` },
      })
      .returning({ value: organizationCounter.value });
    const firstNumber = counter!.value - stories.length + 1;
    const replayed = stories.map((story, index) =>
      replayStory(story, { organizationId: ctx.organizationId, number: firstNumber + index, now, people, serviceIds }),
    );

    const rows = await tx.insert(incident).values(replayed.map((r) => r.row)).returning();
    const links = replayed.flatMap((r) => r.serviceIds.map((serviceId) => ({ incidentId: r.row.id, serviceId })));
    if (links.length > 0) await tx.insert(incidentService).values(links);
    const roles = replayed.flatMap((r) => r.roles);
    if (roles.length > 0) await tx.insert(incidentRole).values(roles);
    // One statement in story order: the identity `seq` then follows each timeline's order.
    await tx.insert(timelineEvent).values(replayed.flatMap((r) => r.events));

    const views = await loadIncidentViews(tx, rows);
    for (const view of views) {
      await recordAudit(tx, { ...auditFrom(ctx), action: "incident.imported", targetType: "incident", targetId: view.id, after: view });
    }
  });
}

function startOf(start: StoryStart, now: Date): Date {
  if ("minutesAgo" in start) return new Date(now.getTime() - start.minutesAgo * MINUTE_MS);
  const [hours, minutes] = start.utc.split(":").map(Number) as [number, number];
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - start.daysAgo, hours, minutes));
}

interface ReplayContext {
  organizationId: string;
  number: number;
  now: Date;
  people: Map<DemoPerson, Person>;
  serviceIds: Map<string, string>;
}

interface EventDraft {
  kind: TimelineKind;
  title: string;
  body?: string | null;
  payload?: Record<string, unknown> | null;
  highlighted?: boolean;
  source?: string;
}

/** Walks one story step by step, applying each change the way updateIncident/addNote would. */
function replayStory(story: DemoIncidentStory, rc: ReplayContext): ReplayedIncident {
  const ref = formatIncidentRef(rc.number);
  const fail = (message: string): never => {
    throw new Error(`Demo story ${ref} (${story.declared.title}): ${message}`);
  };
  const t0 = startOf(story.start, rc.now);
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE_MS);
  const personOf = (key: DemoPerson) => rc.people.get(key) ?? fail(`no demo member ${key}`);
  const serviceIdOf = (slug: string) => rc.serviceIds.get(slug) ?? fail(`unknown service ${slug}`);

  const id = randomUUID();
  const declared = story.declared;
  if (declared.at <= story.detectedAfter || story.detectedAfter <= 0) fail("needs occurred < detected < declared");
  const declaredAt = at(declared.at);
  let title = declared.title;
  let summary = declared.summary;
  let severity: Severity = declared.severity;
  let status: IncidentStatus = declared.status;
  let stamps = timestampsForInitialStatus(declared.status, declaredAt, {}, declaredAt);
  let services = [...declared.services];
  const roles = new Map<IncidentRole, { userId: string; assignedAt: Date }>();
  const events: TimelineInsert[] = [];

  const push = (when: Date, by: DemoPerson, draft: EventDraft) => {
    const { id: actorId, actor } = personOf(by);
    events.push({
      id: randomUUID(),
      organizationId: rc.organizationId,
      incidentId: id,
      kind: draft.kind,
      source: draft.source ?? "logbook",
      occurredAt: when,
      receivedAt: when,
      actorType: actor.type,
      actorId,
      actorLabel: actor.label,
      title: draft.title,
      body: draft.body ?? null,
      payload: draft.payload ?? null,
      highlighted: draft.highlighted ?? false,
    });
  };

  push(declaredAt, declared.by, {
    kind: "declared",
    title: `${personOf(declared.by).actor.label} declared ${ref} as ${severity}: ${title}`,
    body: summary || null,
    payload: { severity, status, services },
    highlighted: true,
  });

  let previous = declared.at;
  for (const step of story.steps) {
    if (step.at < previous) fail(`step at +${step.at} min comes before the one at +${previous} min`);
    previous = step.at;
    const when = at(step.at);
    if ("note" in step) {
      push(when, step.by, { kind: "note", source: "user", title: `Note by ${personOf(step.by).actor.label}`, body: step.note, highlighted: step.highlight ?? false });
    } else if ("status" in step) {
      const plan = planStatusChange(status, step.status, stamps, when);
      if (!plan.ok) fail(plan.reason);
      else stamps = plan.timestamps;
      push(when, step.by, { kind: "status_change", title: `Status changed from ${status} to ${step.status}`, payload: { from: status, to: step.status }, highlighted: step.status === "resolved" });
      status = step.status;
    } else if ("severity" in step) {
      push(when, step.by, { kind: "severity_change", title: `Severity changed from ${severity} to ${step.severity}`, payload: { from: severity, to: step.severity }, highlighted: true });
      severity = step.severity;
    } else if ("assign" in step) {
      const holder = personOf(step.to);
      roles.set(step.assign, { userId: holder.id, assignedAt: when });
      const label = INCIDENT_ROLE_LABELS[step.assign].toLowerCase();
      push(when, step.by, { kind: "role_change", title: `${holder.actor.label} is now ${label}`, payload: { role: step.assign, userId: holder.id }, highlighted: step.assign === "commander" });
    } else if ("services" in step) {
      const added = (step.services.add ?? []).filter((slug) => !services.includes(slug));
      const removed = (step.services.remove ?? []).filter((slug) => services.includes(slug));
      services = [...services.filter((slug) => !removed.includes(slug)), ...added];
      const parts = [added.length ? `added ${added.join(", ")}` : "", removed.length ? `removed ${removed.join(", ")}` : ""].filter(Boolean);
      push(when, step.by, { kind: "service_change", title: `Services ${parts.join("; ")}`, payload: { added, removed } });
    } else if ("title" in step) {
      push(when, step.by, { kind: "details_change", title: `Title changed to “${step.title}”`, payload: { from: title, to: step.title } });
      title = step.title;
    } else {
      push(when, step.by, { kind: "details_change", title: "Summary updated", body: step.summary, payload: { field: "summary" } });
      summary = step.summary;
    }
  }
  const lastAt = at(previous);
  if (lastAt > rc.now) fail("its last step lies in the future");

  return {
    row: {
      id,
      organizationId: rc.organizationId,
      number: rc.number,
      title,
      summary,
      severity,
      status,
      externalId: null,
      occurredAt: t0,
      detectedAt: at(story.detectedAfter),
      ...stamps,
      createdAt: declaredAt,
      updatedAt: lastAt,
    },
    serviceIds: services.map(serviceIdOf),
    roles: [...roles].map(([role, holder]) => ({ incidentId: id, role, userId: holder.userId, assignedAt: holder.assignedAt })),
    events,
  };
}

async function loadPeople(tx: Transaction, organizationId: string): Promise<Map<DemoPerson, Person>> {
  const emails = Object.values(DEMO_STORY_PEOPLE);
  const rows = await tx
    .select({ id: user.id, name: user.name, email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, organizationId), inArray(user.email, emails)));
  const people = new Map<DemoPerson, Person>();
  for (const [key, email] of Object.entries(DEMO_STORY_PEOPLE) as Array<[DemoPerson, string]>) {
    const row = rows.find((r) => r.email === email);
    if (row) people.set(key, { id: row.id, actor: userActor(row) });
  }
  return people;
}

async function loadServiceIds(tx: Transaction, organizationId: string): Promise<Map<string, string>> {
  const rows = await tx.select({ id: service.id, slug: service.slug }).from(service).where(eq(service.organizationId, organizationId));
  return new Map(rows.map((r) => [r.slug, r.id]));
}
