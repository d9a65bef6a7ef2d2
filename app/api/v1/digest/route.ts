import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { getDigest } from "@/lib/services/insights/get-digest";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => getDigest(ctx, searchParamsOf(request)));
