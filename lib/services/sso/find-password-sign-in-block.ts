import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { member, organization, organizationSso, user } from "@/db/schema";

/**
 * Before a password sign-in: the organisation (name and slug) that requires single sign-on
 * of this person, if any. A member of such an organisation signs in through its identity
 * provider only, so a leaked or stale password is no way in.
 */
export async function findPasswordSignInBlock(db: Queryable, email: string): Promise<{ name: string; slug: string } | null> {
  const [row] = await db
    .select({ name: organization.name, slug: organization.slug })
    .from(user)
    .innerJoin(member, eq(member.userId, user.id))
    .innerJoin(organizationSso, and(eq(organizationSso.organizationId, member.organizationId), eq(organizationSso.passwordSignInDisabled, true)))
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(sql`lower(${user.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}
