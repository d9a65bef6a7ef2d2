import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { member } from "@/db/schema";
import { userActor } from "@/lib/core/actor";
import { isOrgRole } from "@/lib/core/roles";
import type { RequestMeta } from "../context";
import { recordAudit } from "@/lib/services/record-audit";

/** A password sign-in, audited in the chain of every organisation the person belongs to. */
export async function recordPasswordSignIn(db: Queryable, input: { user: { id: string; name: string; email: string }; request: RequestMeta }): Promise<void> {
  await db.transaction(async (tx) => {
    const memberships = await tx.select({ organizationId: member.organizationId, role: member.role }).from(member).where(eq(member.userId, input.user.id));
    for (const membership of memberships) {
      if (!isOrgRole(membership.role)) continue;
      await recordAudit(tx, {
        organizationId: membership.organizationId,
        actor: userActor(input.user),
        request: input.request,
        action: "auth.signed_in",
        targetType: "user",
        targetId: input.user.id,
        before: null,
        after: { method: "password", email: input.user.email, provider: null, role: membership.role, previousRole: null },
      });
    }
  });
}
