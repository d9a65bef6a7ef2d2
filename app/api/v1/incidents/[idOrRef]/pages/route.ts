import { apiRoute, readJsonBody } from "@/lib/api/http";
import { listPages } from "@/lib/services/paging/list-pages";
import { pageOnCall } from "@/lib/services/paging/page-on-call";

export const dynamic = "force-dynamic";
type Params = { idOrRef: string };

export const GET = apiRoute<Params>((ctx, _request, { idOrRef }) => listPages(ctx, idOrRef));
export const POST = apiRoute<Params>(async (ctx, request, { idOrRef }) => pageOnCall(ctx, idOrRef, await readJsonBody(request)), { status: 201 });
