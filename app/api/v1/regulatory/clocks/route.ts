import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listClocks } from "@/lib/services/regulatory/list-clocks";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx, request) => listClocks(ctx, searchParamsOf(request)));
