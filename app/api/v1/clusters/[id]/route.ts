import { apiRoute } from "@/lib/api/http";
import { deleteCluster } from "@/lib/services/clusters/delete-cluster";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ id: string }>((ctx, _request, { id }) => deleteCluster(ctx, id));
