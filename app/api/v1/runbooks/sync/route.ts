import { apiRoute, readJsonBody } from "@/lib/api/http";
import { syncRunbooks } from "@/lib/services/runbooks/sync-runbooks";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx, request) => syncRunbooks(ctx, await readJsonBody(request)));
