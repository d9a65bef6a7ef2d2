import { apiRoute } from "@/lib/api/http";
import { requirePermission } from "@/lib/services/context";
import { subscribeToLiveEvents } from "@/lib/live/live-hub";
import { logbookMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

/** Server-Sent Events: the caller's organisation's changes as they commit. */
export const GET = apiRoute(async (ctx, request) => {
  requirePermission(ctx, "incident:read");
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`retry: 2000\n: connected\n\n`);
      const unsubscribe = await subscribeToLiveEvents(ctx.organizationId, (event) => {
        const { organizationId: _org, ...visible } = event;
        send(`event: ${event.type}\ndata: ${JSON.stringify(visible)}\n\n`);
      });
      const heartbeat = setInterval(() => send(`: heartbeat\n\n`), HEARTBEAT_MS);
      const connections = logbookMetrics().liveConnections;
      connections.inc();
      let open = true;
      cleanup = () => {
        if (!open) return;
        open = false;
        connections.dec();
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
});
