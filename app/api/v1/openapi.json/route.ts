import { publicBaseUrl } from "@/lib/auth/base-url";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument(publicBaseUrl()));
}
