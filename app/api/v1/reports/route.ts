import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listReports } from "@/lib/services/regulatory/list-reports";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx, request) => listReports(ctx, searchParamsOf(request)));
