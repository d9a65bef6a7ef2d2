import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { member, organizationSso } from "@/db/schema";
import { userActor } from "@/lib/core/actor";
import { isOrgRole, type OrgRole } from "@/lib/core/roles";
import { roleFromClaim } from "@/lib/core/sso-roles";
import type { RequestMeta } from "../context";
import { recordAudit } from "@/lib/services/record-audit";
import { ROLE_CLAIM_FIELD } from "./internal";

interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

/**
 * better-auth's SSO plugin calls this after every sign-in through an organisation's identity
 * provider (provisionUserOnEveryLogin): the person becomes a member on first sign-in and
 * their role follows the claim on each one — a removal from "logbook-admins" at the IdP
 * takes effect at the next sign-in. Audited in the organisation's chain, with the role
 * before and after. Runs as the identity provider's assertion, not as a caller with a role.
 */
export async function recordSsoSignIn(db: Queryable, input: { user: SignedInUser; providerId: string; claims: Record<string, unknown>; request: RequestMeta }): Promise<OrgRole | null> {
  return db.transaction(async (tx) => {
    const [settings] = await tx.select().from(organizationSso).where(eq(organizationSso.providerId, input.providerId));
    if (!settings) return null;
    const defaultRole = isOrgRole(settings.defaultRole) ? settings.defaultRole : "viewer";
    const role = settings.roleClaim ? roleFromClaim(input.claims[ROLE_CLAIM_FIELD], settings.roleMapping, defaultRole) : defaultRole;
    const [existing] = await tx
      .select({ id: member.id, role: member.role })
      .from(member)
      .where(and(eq(member.organizationId, settings.organizationId), eq(member.userId, input.user.id)))
      .for("update");
    if (!existing) await tx.insert(member).values({ id: randomUUID(), organizationId: settings.organizationId, userId: input.user.id, role });
    else if (existing.role !== role) await tx.update(member).set({ role }).where(eq(member.id, existing.id));
    await recordAudit(tx, {
      organizationId: settings.organizationId,
      actor: userActor(input.user),
      request: input.request,
      action: "auth.signed_in",
      targetType: "user",
      targetId: input.user.id,
      before: null,
      after: { method: "sso", email: input.user.email, provider: settings.issuer, role, previousRole: existing && isOrgRole(existing.role) ? existing.role : null },
    });
    return role;
  });
}
