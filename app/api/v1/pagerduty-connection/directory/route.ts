import { apiRoute } from "@/lib/api/http";
import { getPagerDutyDirectory } from "@/lib/services/paging/get-pagerduty-directory";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx) => getPagerDutyDirectory(ctx));
