import { receiveSlackRequest } from "@/lib/services/slack-inbound/receive-slack-request";
import type { SlackEndpoint } from "@/lib/services/slack-inbound/views";
import { readBodyBytes, toErrorResponse } from "./http";

/**
 * Slack's three endpoints (events, commands, interactions). No session or API key: Slack
 * proves itself with the signing secret over the raw bytes, so the body is read as bytes and
 * handed over untouched.
 */
export async function answerSlackRequest(endpoint: SlackEndpoint, request: Request, context: { params: Promise<{ integrationId: string }> }): Promise<Response> {
  try {
    const { integrationId } = await context.params;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    const body = await readBodyBytes(request);
    const answer = await receiveSlackRequest(integrationId, endpoint, { headers, body, receivedAt: new Date() });
    if (answer.body === null) return new Response(null, { status: answer.status, headers: { "cache-control": "no-store" } });
    return Response.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
