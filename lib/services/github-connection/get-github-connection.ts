import { eq } from "drizzle-orm";
import { githubConnection } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import type { GitHubConnectionView } from "./views";

export async function getGitHubConnection(ctx: ServiceContext): Promise<GitHubConnectionView> {
  requirePermission(ctx, "incident:read");
  const [row] = await ctx.db.select().from(githubConnection).where(eq(githubConnection.organizationId, ctx.organizationId));
  if (!row) return { connected: false, apiUrl: null, account: null, updatedAt: null };
  return { connected: true, apiUrl: row.apiUrl, account: row.account, updatedAt: row.updatedAt.toISOString() };
}
