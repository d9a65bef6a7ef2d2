import { apiRoute } from "@/lib/api/http";
import { approveReport } from "@/lib/services/regulatory/approve-report";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => approveReport(ctx, id));
