import { apiRoute, readJsonBody } from "@/lib/api/http";
import { createService } from "@/lib/services/catalog/create-service";
import { listServices } from "@/lib/services/catalog/list-services";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => listServices(ctx));
export const POST = apiRoute(async (ctx, request) => createService(ctx, await readJsonBody(request)), { status: 201 });
