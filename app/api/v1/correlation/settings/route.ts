import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getCorrelationSettings } from "@/lib/services/correlation/get-correlation-settings";
import { updateCorrelationSettings } from "@/lib/services/correlation/update-correlation-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => getCorrelationSettings(ctx));
export const PUT = apiRoute(async (ctx, request) => updateCorrelationSettings(ctx, await readJsonBody(request)));
