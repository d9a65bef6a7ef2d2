import { apiRoute } from "@/lib/api/http";
import { rotateIntegrationSecret } from "@/lib/services/integrations/rotate-integration-secret";

export const dynamic = "force-dynamic";
type Params = { integrationId: string };

export const POST = apiRoute<Params>((ctx, _request, { integrationId }) => rotateIntegrationSecret(ctx, integrationId));
