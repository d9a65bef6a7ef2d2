import { apiRoute, searchParamsOf } from "@/lib/api/http";
import { listOrganizationActionItems } from "@/lib/services/action-items/list-organization-action-items";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (ctx, request) => listOrganizationActionItems(ctx, searchParamsOf(request)));
