import { apiRoute, readJsonBody } from "@/lib/api/http";
import { setIntegrationSecret } from "@/lib/services/integrations/set-integration-secret";

export const dynamic = "force-dynamic";
type Params = { integrationId: string };

export const PUT = apiRoute<Params>(async (ctx, request, { integrationId }) => setIntegrationSecret(ctx, integrationId, await readJsonBody(request)));
