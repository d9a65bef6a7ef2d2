import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listDeliveries } from "@/lib/services/ingest/list-deliveries";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => listDeliveries(ctx, searchParamsOf(request)));
