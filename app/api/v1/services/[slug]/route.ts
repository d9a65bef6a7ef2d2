import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getService } from "@/lib/services/catalog/get-service";
import { updateService } from "@/lib/services/catalog/update-service";

export const dynamic = "force-dynamic";
type Params = { slug: string };

export const GET = apiRoute<Params>((ctx, _request, { slug }) => getService(ctx, slug));
export const PATCH = apiRoute<Params>(async (ctx, request, { slug }) => updateService(ctx, slug, await readJsonBody(request)));
