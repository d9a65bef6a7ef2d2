import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getReport } from "@/lib/services/regulatory/get-report";
import { updateReport } from "@/lib/services/regulatory/update-report";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => getReport(ctx, id));

export const PATCH = apiRoute<{ id: string }>(async (ctx, request, { id }) => updateReport(ctx, id, await readJsonBody(request)));
