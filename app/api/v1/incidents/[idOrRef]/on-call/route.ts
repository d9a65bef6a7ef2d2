import { apiRoute } from "@/lib/api/http";
import { listOnCall } from "@/lib/services/paging/list-on-call";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const GET = apiRoute<Params>((ctx, _request, { idOrRef }) => listOnCall(ctx, idOrRef));
