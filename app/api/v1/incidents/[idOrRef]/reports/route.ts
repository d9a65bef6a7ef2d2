import { apiRoute, readJsonBody, searchParamsOf } from "@/lib/api/http";
import { createReport } from "@/lib/services/regulatory/create-report";
import { listReports } from "@/lib/services/regulatory/list-reports";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => listReports(ctx, { ...searchParamsOf(request), incident: idOrRef }));

export const POST = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => createReport(ctx, idOrRef, await readJsonBody(request)), { status: 201 });
