import { apiRoute } from "@/lib/api/http";
import { reopenReport } from "@/lib/services/regulatory/reopen-report";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => reopenReport(ctx, id));
