import { apiRoute, readJsonBody } from "@/lib/api/http";
import { updateTeam } from "@/lib/services/catalog/update-team";

export const dynamic = "force-dynamic";
type Params = { slug: string };

export const PATCH = apiRoute<Params>(async (ctx, request, { slug }) => updateTeam(ctx, slug, await readJsonBody(request)));
