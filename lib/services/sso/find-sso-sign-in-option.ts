import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { organization, organizationSso } from "@/db/schema";
import type { SsoSignInOption } from "./views";

/**
 * For the sign-in page (nobody is signed in yet): whether the organisation named in the
 * link (`/sign-in?org=<slug>`) signs in with an identity provider, and whether it still
 * allows passwords. Says nothing else about the organisation.
 */
export async function findSsoSignInOption(organizationSlug: string): Promise<SsoSignInOption | null> {
  const [row] = await getDatabase()
    .db.select({ providerId: organizationSso.providerId, issuer: organizationSso.issuer, passwordSignInDisabled: organizationSso.passwordSignInDisabled })
    .from(organizationSso)
    .innerJoin(organization, eq(organization.id, organizationSso.organizationId))
    .where(eq(organization.slug, organizationSlug));
  return row ? { providerId: row.providerId, label: new URL(row.issuer).hostname, passwordSignInDisabled: row.passwordSignInDisabled } : null;
}
