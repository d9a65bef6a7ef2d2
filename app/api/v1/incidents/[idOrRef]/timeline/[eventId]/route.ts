import { apiRoute, readJsonBody } from "@/lib/api/http";
import { editTimelineEvent } from "@/lib/services/incidents/edit-timeline-event";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute<{ idOrRef: string; eventId: string }>(async (ctx, request, { idOrRef, eventId }) =>
  editTimelineEvent(ctx, idOrRef, eventId, await readJsonBody(request)),
);
