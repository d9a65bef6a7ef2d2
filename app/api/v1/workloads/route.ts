import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listWorkloads } from "@/lib/services/clusters/list-workloads";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => listWorkloads(ctx, searchParamsOf(request)));
