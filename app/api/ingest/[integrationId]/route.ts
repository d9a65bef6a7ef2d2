import { errorResponse, readBodyBytes, toErrorResponse } from "@/lib/api/http";
import { receiveWebhook } from "@/lib/services/ingest/receive-webhook";

export const dynamic = "force-dynamic";

/**
 * Webhook intake. No session or API key: each integration proves itself with its own
 * secret (bearer token or HMAC over the raw bytes), checked by its adapter.
 */
export async function POST(request: Request, context: { params: Promise<{ integrationId: string }> }): Promise<Response> {
  try {
    const { integrationId } = await context.params;
    const body = await readBodyBytes(request);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    const outcome = await receiveWebhook(integrationId, { headers, body, receivedAt: new Date() });
    if ("code" in outcome) {
      return errorResponse(outcome.status, outcome.code, outcome.reason, { delivery: outcome.deliveryId });
    }
    // no-transform: compressing an answer of a few bytes costs more than sending it (a zlib
    // stream per response was a tenth of the server's time under load).
    return Response.json(
      { delivery: outcome.deliveryId, duplicate: outcome.duplicate, events: outcome.events },
      { status: outcome.status, headers: { "cache-control": "no-store, no-transform" } },
    );
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
