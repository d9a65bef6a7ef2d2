import { apiRoute, readJsonBody } from "@/lib/api/http";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { listApiKeys } from "@/lib/services/api-keys/list-api-keys";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => ({ items: await listApiKeys(ctx), nextCursor: null }));
export const POST = apiRoute(async (ctx, request) => createApiKey(ctx, await readJsonBody(request)), { status: 201 });
