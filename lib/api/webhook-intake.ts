import { receiveWebhook } from "@/lib/services/ingest/receive-webhook";
import { errorResponse, toErrorResponse, type RequestLine } from "./http";

/**
 * The webhook intake, whatever carries the request: the Next.js route and the server's own
 * fast path (lib/api/webhook-intake-node.ts) both answer through here, so they cannot drift.
 * No session or API key: each integration proves itself with its own secret (bearer token or
 * HMAC over the raw bytes), checked by its adapter.
 */
export async function answerDelivery(
  integrationId: string,
  headers: Record<string, string>,
  readBody: () => Promise<Uint8Array>,
  request: RequestLine,
): Promise<Response> {
  try {
    const body = await readBody();
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
