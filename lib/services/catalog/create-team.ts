import { randomUUID } from "node:crypto";
import { team } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createTeamInput } from "./inputs";
import { toTeamView, type TeamView } from "./views";

export async function createTeam(ctx: ServiceContext, rawInput: unknown): Promise<TeamView> {
  requirePermission(ctx, "catalog:write");
  const input = parseInput(createTeamInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(team)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        slug: input.slug,
        name: input.name,
        description: input.description ?? null,
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
        ...input.workingHours,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ConflictError(`A team with slug ${input.slug} already exists.`, "duplicate_slug");
    const view = toTeamView(row, []);
    await recordAudit(tx, { ...auditFrom(ctx), action: "team.created", targetType: "team", targetId: row.id, after: view });
    return view;
  });
}

