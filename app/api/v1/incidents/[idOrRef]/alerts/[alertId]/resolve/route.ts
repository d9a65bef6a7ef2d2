import { apiRoute } from "@/lib/api/http";
import { resolveAlert } from "@/lib/services/alerts/resolve-alert";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string; alertId: string };

export const POST = apiRoute<Params>((ctx, _request, { idOrRef, alertId }) => resolveAlert(ctx, idOrRef, alertId));
