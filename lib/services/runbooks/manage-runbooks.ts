import { randomUUID } from "node:crypto";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { runbook, team } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError, parseInput, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "../audit/record-audit";
import { toRunbookViews, type RunbookView } from "./runbook-view";

const names = z.array(z.string().trim().min(1).max(200)).max(50);
const safeUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000);

export const createRunbookInput = z.strictObject({
  title: z.string().trim().min(1, "is required").max(200),
  // Stored as written; rendered only through the safe Markdown view.
  body: z.string().max(200_000),
  services: names.optional(),
  alertNames: names.optional(),
  tags: names.optional(),
  ownerTeam: z.string().trim().max(100).nullable().optional(),
  sourceUrl: safeUrl.nullable().optional(),
});
export const updateRunbookInput = createRunbookInput.partial();

async function teamId(ctx: ServiceContext, slugOrId: string | null | undefined): Promise<string | null | undefined> {
  if (slugOrId === undefined || slugOrId === null) return slugOrId;
  const [row] = await ctx.db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.organizationId, ctx.organizationId), or(eq(team.slug, slugOrId), eq(team.id, slugOrId))));
  if (!row) throw new ValidationError(`Unknown team ${slugOrId}`, [{ field: "ownerTeam", message: "is not a team of this organisation" }]);
  return row.id;
}

async function load(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(runbook)
    .where(and(eq(runbook.organizationId, ctx.organizationId), eq(runbook.id, id)));
  if (!row) throw new NotFoundError(`Runbook ${id}`);
  return row;
}

export async function createRunbook(ctx: ServiceContext, rawInput: unknown): Promise<RunbookView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(createRunbookInput, rawInput);
  const ownerTeamId = (await teamId(ctx, input.ownerTeam)) ?? null;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(runbook)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        title: input.title,
        body: input.body,
        services: input.services ?? [],
        alertNames: input.alertNames ?? [],
        tags: input.tags ?? [],
        ownerTeamId,
        sourceUrl: input.sourceUrl ?? null,
      })
      .returning();
    await recordAudit(tx, { ...auditFrom(ctx), action: "runbook.created", targetType: "runbook", targetId: row!.id, after: { title: row!.title } });
    return (await toRunbookViews(tx, [row!]))[0]!;
  });
}

export async function listRunbooks(ctx: ServiceContext, query: { q?: string; service?: string } = {}): Promise<{ items: RunbookView[] }> {
  requirePermission(ctx, "incident:read");
  const conditions = [eq(runbook.organizationId, ctx.organizationId)];
  if (query.q) conditions.push(ilike(runbook.title, `%${query.q.replace(/[%_\\]/g, "\\$&").slice(0, 200)}%`));
  if (query.service) conditions.push(sql`${runbook.services} ? ${query.service}`);
  const rows = await ctx.db
    .select()
    .from(runbook)
    .where(and(...conditions))
    .orderBy(asc(runbook.title))
    .limit(500);
  return { items: await toRunbookViews(ctx.db, rows) };
}

export async function getRunbook(ctx: ServiceContext, id: string): Promise<RunbookView> {
  requirePermission(ctx, "incident:read");
  return (await toRunbookViews(ctx.db, [await load(ctx, id)]))[0]!;
}

export async function updateRunbook(ctx: ServiceContext, id: string, rawInput: unknown): Promise<RunbookView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(updateRunbookInput, rawInput);
  const before = await load(ctx, id);
  const ownerTeamId = await teamId(ctx, input.ownerTeam);
  return withTransaction(ctx, async (tx) => {
    const { ownerTeam: _ownerTeam, ...fields } = input;
    const [row] = await tx
      .update(runbook)
      .set({ ...fields, ...(ownerTeamId !== undefined ? { ownerTeamId } : {}), updatedAt: new Date() })
      .where(eq(runbook.id, before.id))
      .returning();
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "runbook.updated",
      targetType: "runbook",
      targetId: id,
      before: { title: before.title },
      after: { title: row!.title, fields: Object.keys(input) },
    });
    return (await toRunbookViews(tx, [row!]))[0]!;
  });
}

export async function deleteRunbook(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  requirePermission(ctx, "incident:write");
  const before = await load(ctx, id);
  await withTransaction(ctx, async (tx) => {
    await tx.delete(runbook).where(eq(runbook.id, before.id));
    await recordAudit(tx, { ...auditFrom(ctx), action: "runbook.deleted", targetType: "runbook", targetId: id, before: { title: before.title } });
  });
  return { deleted: true };
}
