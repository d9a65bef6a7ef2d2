import { apiRoute, readJsonBody } from "@/lib/api/http";
import { getPostmortemTemplate } from "@/lib/services/postmortems/get-postmortem-template";
import { updatePostmortemTemplate } from "@/lib/services/postmortems/update-postmortem-template";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ key: string }>(async (ctx, _request, { key }) => getPostmortemTemplate(ctx, key));

export const PUT = apiRoute<{ key: string }>(async (ctx, request, { key }) => updatePostmortemTemplate(ctx, key, await readJsonBody(request)));
