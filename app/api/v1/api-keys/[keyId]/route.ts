import { apiRoute } from "@/lib/api/http";
import { revokeApiKey } from "@/lib/services/api-keys/revoke-api-key";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ keyId: string }>((ctx, _request, { keyId }) => revokeApiKey(ctx, keyId));
