import { receiveWebhook } from "@/lib/services/ingest/receive-webhook";
import { logbookMetrics, type DeliveryMetricOutcome } from "@/lib/observability/metrics";
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
  const started = performance.now();
  const metrics = logbookMetrics();
  const count = (kind: string, outcome: DeliveryMetricOutcome) => {
    metrics.deliveries.inc({ kind, outcome });
    metrics.ingestSeconds.observe({ kind, outcome }, (performance.now() - started) / 1000);
  };
  try {
    const body = await readBody();
    const outcome = await receiveWebhook(integrationId, { headers, body, receivedAt: new Date() });
    if ("code" in outcome) {
      count(outcome.source, outcome.status === 401 ? "rejected" : "malformed");
      return errorResponse(outcome.status, outcome.code, outcome.reason, { delivery: outcome.deliveryId });
    }
    count(outcome.source, outcome.duplicate ? "duplicate" : "accepted");
    // no-transform: compressing an answer of a few bytes costs more than sending it (a zlib
    // stream per response was a tenth of the server's time under load).
    return Response.json(
      { delivery: outcome.deliveryId, duplicate: outcome.duplicate, events: outcome.events },
      { status: outcome.status, headers: { "cache-control": "no-store, no-transform" } },
    );
  } catch (error) {
    const answer = toErrorResponse(error, request);
    // Unknown integrations (404) and oversized bodies (413) have no kind to count under.
    count("unknown", answer.status >= 500 ? "error" : "malformed");
    return answer;
  }
}
