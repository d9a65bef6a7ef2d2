import { apiRoute, readJsonBody, searchParamsOf } from "@/lib/api/http";
import { attachAlert } from "@/lib/services/alerts/attach-alert";
import { listAlerts } from "@/lib/services/alerts/list-alerts";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const GET = apiRoute<Params>((ctx, request, { idOrRef }) => listAlerts(ctx, { ...searchParamsOf(request), incident: idOrRef }));
export const POST = apiRoute<Params>(async (ctx, request, { idOrRef }) => attachAlert(ctx, idOrRef, await readJsonBody(request)));
