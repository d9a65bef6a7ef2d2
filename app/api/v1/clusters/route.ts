import { apiRoute, readJsonBody } from "@/lib/api/http";
import { listClusters } from "@/lib/services/clusters/list-clusters";
import { registerCluster } from "@/lib/services/clusters/register-cluster";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx) => listClusters(ctx));
export const POST = apiRoute(async (ctx, request) => registerCluster(ctx, await readJsonBody(request)), { status: 201 });
