import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { getInsights } from "@/lib/services/insights/get-insights";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => getInsights(ctx, searchParamsOf(request)));
