import { apiRoute } from "@/lib/api/http";
import { submitReportForReview } from "@/lib/services/regulatory/submit-report-for-review";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => submitReportForReview(ctx, id));
