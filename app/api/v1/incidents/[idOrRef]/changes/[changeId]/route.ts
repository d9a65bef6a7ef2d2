import { apiRoute, readJsonBody } from "@/lib/api/http";
import { markChange } from "@/lib/services/changes/mark-change";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string; changeId: string };

export const PUT = apiRoute<Params>(async (ctx, request, { idOrRef, changeId }) => markChange(ctx, idOrRef, changeId, await readJsonBody(request)));
