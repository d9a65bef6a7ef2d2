import { checkReadiness } from "@/lib/services/platform/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store", ...(readiness.ready ? {} : { "retry-after": "5" }) } });
}
