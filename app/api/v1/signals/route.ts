import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listSignals } from "@/lib/services/clusters/list-signals";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => listSignals(ctx, searchParamsOf(request)));
