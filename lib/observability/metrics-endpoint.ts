import { timingSafeEqual } from "node:crypto";
import { logbookMetrics } from "./metrics";

/**
 * GET /metrics for Prometheus. Open by default, like most exporters (the manifests'
 * NetworkPolicy admits only the monitoring namespace); with LOGBOOK_METRICS_TOKEN set, the
 * scrape must bring it as a bearer token (ServiceMonitor `bearerTokenSecret`).
 */
export async function answerMetricsScrape(request: Request): Promise<Response> {
  const expected = process.env.LOGBOOK_METRICS_TOKEN;
  if (expected && !bearerMatches(request.headers.get("authorization"), expected)) {
    return new Response("metrics need the bearer token in LOGBOOK_METRICS_TOKEN\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { registry } = logbookMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}

function bearerMatches(header: string | null, expected: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
