import { apiRoute, readJsonBody, searchParamsOf } from "@/lib/api/http";
import { createRunbook } from "@/lib/services/runbooks/create-runbook";
import { listRunbooks } from "@/lib/services/runbooks/list-runbooks";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => listRunbooks(ctx, searchParamsOf(request)));
export const POST = apiRoute(async (ctx, request) => createRunbook(ctx, await readJsonBody(request)), { status: 201 });
