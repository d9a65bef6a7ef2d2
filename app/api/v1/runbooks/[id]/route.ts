import { apiRoute, readJsonBody } from "@/lib/api/http";
import { deleteRunbook } from "@/lib/services/runbooks/delete-runbook";
import { getRunbook } from "@/lib/services/runbooks/get-runbook";
import { updateRunbook } from "@/lib/services/runbooks/update-runbook";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>((ctx, _request, { id }) => getRunbook(ctx, id));
export const PATCH = apiRoute<{ id: string }>(async (ctx, request, { id }) => updateRunbook(ctx, id, await readJsonBody(request)));
export const DELETE = apiRoute<{ id: string }>((ctx, _request, { id }) => deleteRunbook(ctx, id));
