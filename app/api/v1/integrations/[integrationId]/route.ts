import { apiRoute } from "@/lib/api/http";
import { getIntegration } from "@/lib/services/integrations/get-integration";

export const dynamic = "force-dynamic";
type Params = { integrationId: string };

export const GET = apiRoute<Params>((ctx, _request, { integrationId }) => getIntegration(ctx, integrationId));
