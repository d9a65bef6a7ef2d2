import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { getServiceHealth } from "@/lib/services/insights/get-service-health";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => getServiceHealth(ctx, searchParamsOf(request)));
