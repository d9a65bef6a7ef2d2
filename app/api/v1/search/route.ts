import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { searchKnowledge } from "@/lib/services/search/search-knowledge";

export const dynamic = "force-dynamic";

export const GET = apiRoute((ctx, request) => searchKnowledge(ctx, searchParamsOf(request)));
