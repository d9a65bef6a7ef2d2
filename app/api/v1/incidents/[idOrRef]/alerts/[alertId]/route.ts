import { apiRoute } from "@/lib/api/http";
import { detachAlert } from "@/lib/services/alerts/detach-alert";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string; alertId: string };

export const DELETE = apiRoute<Params>((ctx, _request, { idOrRef, alertId }) => detachAlert(ctx, idOrRef, alertId));
