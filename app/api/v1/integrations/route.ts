import { apiRoute, readJsonBody } from "@/lib/api/http";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => ({ items: await listIntegrations(ctx), nextCursor: null }));
export const POST = apiRoute(async (ctx, request) => createIntegration(ctx, await readJsonBody(request)), { status: 201 });
