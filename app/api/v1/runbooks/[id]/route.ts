import { apiRoute, readJsonBody } from "@/lib/api/http";
import { deleteRunbook, getRunbook, updateRunbook } from "@/lib/services/runbooks/manage-runbooks";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>((ctx, _request, { id }) => getRunbook(ctx, id));
export const PATCH = apiRoute<{ id: string }>(async (ctx, request, { id }) => updateRunbook(ctx, id, await readJsonBody(request)));
export const DELETE = apiRoute<{ id: string }>((ctx, _request, { id }) => deleteRunbook(ctx, id));
