import { apiRoute, readJsonBody } from "@/lib/api/http";
import { updateActionItem } from "@/lib/services/action-items/update-action-item";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute<{ id: string }>(async (ctx, request, { id }) => updateActionItem(ctx, id, await readJsonBody(request)));
