import { apiRoute, readOptionalJsonBody } from "@/lib/api/http";
import { markReportSubmitted } from "@/lib/services/regulatory/mark-report-submitted";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => markReportSubmitted(ctx, id, await readOptionalJsonBody(request)));
