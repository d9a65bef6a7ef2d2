import { desc, eq } from "drizzle-orm";
import { apiKey } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { toApiKeyView, type ApiKeyView } from "./views";

export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeyView[]> {
  requirePermission(ctx, "settings:manage");
  const rows = await ctx.db.select().from(apiKey).where(eq(apiKey.organizationId, ctx.organizationId)).orderBy(desc(apiKey.createdAt));
  return rows.map(toApiKeyView);
}
