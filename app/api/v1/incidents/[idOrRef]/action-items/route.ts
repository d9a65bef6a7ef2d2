import { apiRoute, readJsonBody } from "@/lib/api/http";
import { createActionItem } from "@/lib/services/action-items/create-action-item";
import { listActionItems } from "@/lib/services/action-items/list-action-items";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string }>(async (ctx, _request, { idOrRef }) => listActionItems(ctx, idOrRef));
export const POST = apiRoute<{ idOrRef: string }>(async (ctx, request, { idOrRef }) => createActionItem(ctx, idOrRef, await readJsonBody(request)), { status: 201 });
