import { eq } from "drizzle-orm";
import { githubConnection } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { GitHubAccess } from "@/lib/integrations/github/github-client";
import { ServiceError } from "../errors";
import { decryptIntegrationSecret } from "../integration-secrets";

/** The decrypted access for outbound calls; a missing connection is a clear 409. */
export async function loadGitHubAccess(db: Queryable, organizationId: string): Promise<GitHubAccess> {
  const [row] = await db.select().from(githubConnection).where(eq(githubConnection.organizationId, organizationId));
  if (!row) throw new ServiceError(409, "github_not_connected", "This organisation has no GitHub connection; an admin can add one (PUT /api/v1/github-connection).");
  return { apiUrl: row.apiUrl, token: await decryptIntegrationSecret(row.tokenEncrypted) };
}
