import { apiRoute } from "@/lib/api/http";
import { replayDelivery } from "@/lib/services/ingest/replay-delivery";

export const dynamic = "force-dynamic";
type Params = { deliveryId: string };

export const POST = apiRoute<Params>((ctx, _request, { deliveryId }) => replayDelivery(ctx, deliveryId), { status: 201 });
