import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listAlerts } from "@/lib/services/alerts/list-alerts";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => listAlerts(ctx, searchParamsOf(request)));
