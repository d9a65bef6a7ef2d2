import { apiRoute } from "@/lib/api/http";
import { getClassificationDefaults } from "@/lib/services/regulatory/get-classification-defaults";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ idOrRef: string }>(async (ctx, _request, { idOrRef }) => getClassificationDefaults(ctx, idOrRef));
