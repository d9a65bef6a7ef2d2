import { asc, eq } from "drizzle-orm";
import { member, user } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import type { MemberSummary } from "./views";

export async function listMembers(ctx: ServiceContext): Promise<MemberSummary[]> {
  requirePermission(ctx, "incident:read");
  return ctx.db
    .select({ userId: user.id, name: user.name, email: user.email, role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, ctx.organizationId))
    .orderBy(asc(user.name));
}
