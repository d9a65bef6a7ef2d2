import { apiRoute } from "@/lib/api/http";
import { getDelivery } from "@/lib/services/ingest/get-delivery";

export const dynamic = "force-dynamic";
type Params = { deliveryId: string };

export const GET = apiRoute<Params>((ctx, _request, { deliveryId }) => getDelivery(ctx, deliveryId));
