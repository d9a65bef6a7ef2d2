import { readBodyBytes } from "@/lib/api/http";
import { answerDelivery } from "@/lib/api/webhook-intake";

export const dynamic = "force-dynamic";

/**
 * Webhook intake through Next.js (development, and any server without the fast path of
 * server.ts, which answers the same way: lib/api/webhook-intake.ts).
 */
export async function POST(request: Request, context: { params: Promise<{ integrationId: string }> }): Promise<Response> {
  const { integrationId } = await context.params;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  return answerDelivery(integrationId, headers, () => readBodyBytes(request), request);
}
