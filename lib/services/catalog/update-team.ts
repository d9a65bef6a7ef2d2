import { and, asc, eq } from "drizzle-orm";
import { service, team } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError, parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { updateTeamInput } from "./inputs";
import { toTeamView, type TeamView } from "./views";

/**
 * Edits a team: its name, description, time zone and working hours. Insights read the time
 * zone and hours when they count incidents that started off-hours, so a change applies to
 * every range asked afterwards (nothing is precomputed).
 */
export async function updateTeam(ctx: ServiceContext, slug: string, rawInput: unknown): Promise<TeamView> {
  requirePermission(ctx, "catalog:write");
  const input = parseInput(updateTeamInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx
      .select()
      .from(team)
      .where(and(eq(team.organizationId, ctx.organizationId), eq(team.slug, slug)))
      .for("update");
    if (!current) throw new NotFoundError(`Team ${slug}`);
    const services = await tx.select({ slug: service.slug }).from(service).where(eq(service.teamId, current.id)).orderBy(asc(service.slug));
    const serviceSlugs = services.map((s) => s.slug);
    const before = toTeamView(current, serviceSlugs);

    const changes: Partial<typeof team.$inferInsert> = { ...input.workingHours };
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.timeZone !== undefined) changes.timeZone = input.timeZone;

    const [row] = await tx.update(team).set(changes).where(eq(team.id, current.id)).returning();
    const view = toTeamView(row!, serviceSlugs);
    await recordAudit(tx, { ...auditFrom(ctx), action: "team.updated", targetType: "team", targetId: row!.id, before, after: view });
    return view;
  });
}
