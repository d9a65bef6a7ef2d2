import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listTimeline } from "@/lib/services/incidents/list-timeline";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string }>((ctx, request, { idOrRef }) => listTimeline(ctx, idOrRef, searchParamsOf(request)));
