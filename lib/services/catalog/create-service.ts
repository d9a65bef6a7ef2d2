import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { service, team } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createServiceInput } from "./inputs";
import { toServiceView, type ServiceView } from "./views";

export async function createService(ctx: ServiceContext, rawInput: unknown): Promise<ServiceView> {
  requirePermission(ctx, "catalog:write");
  const input = parseInput(createServiceInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    let teamId: string | null = null;
    if (input.team) {
      const [owner] = await tx
        .select({ id: team.id })
        .from(team)
        .where(and(eq(team.organizationId, ctx.organizationId), eq(team.slug, input.team)));
      if (!owner) throw new ValidationError(`Unknown team ${input.team}`, [{ field: "team", message: `no team ${input.team}` }]);
      teamId = owner.id;
    }
    const [row] = await tx
      .insert(service)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        slug: input.slug,
        name: input.name,
        description: input.description ?? null,
        teamId,
        tier: input.tier ?? null,
        supportsCriticalFunction: input.supportsCriticalFunction ?? false,
        clientCount: input.clientCount ?? null,
        labels: input.labels ?? {},
        repositories: input.repositories ?? [],
        mappings: input.mappings ?? {},
        pagerdutyServiceId: input.pagerdutyServiceId ?? null,
        pagerdutyEscalationPolicyId: input.escalationPolicyId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ConflictError(`A service with slug ${input.slug} already exists.`, "duplicate_slug");
    const view = toServiceView(row, input.team ?? null);
    await recordAudit(tx, { ...auditFrom(ctx), action: "service.created", targetType: "service", targetId: row.id, after: view });
    return view;
  });
}
