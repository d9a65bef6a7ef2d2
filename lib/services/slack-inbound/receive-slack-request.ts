import { getDatabase } from "@/db/client";
import { readHeader } from "@/lib/ingest/signatures";
import { verifySlackRequest } from "@/lib/ingest/slack-signature";
import type { RawDelivery } from "@/lib/ingest/types";
import { SlackPayloadError } from "@/lib/slack/inbound-payloads";
import { NotFoundError } from "../errors";
import { recordRejectedDelivery } from "../ingest/record-rejected-delivery";
import { answerSlackCommand, answerSlackEvent, answerSlackInteraction, loadSlackInstallation } from "./internal";
import type { SlackAnswer, SlackEndpoint } from "./views";

/**
 * The entry point of Slack's three endpoints. Like a webhook, a Slack request has no caller
 * context: the app proves itself with the signing secret over the raw body, so this reaches
 * the process's database itself. Everything that calls Slack back or changes an incident is
 * queued; what is answered here is answered at once (Slack gives up after 3 seconds).
 */
export async function receiveSlackRequest(integrationId: string, endpoint: SlackEndpoint, raw: RawDelivery): Promise<SlackAnswer> {
  const { db } = getDatabase();
  const installation = await loadSlackInstallation(db, integrationId);
  if (!installation) throw new NotFoundError(`Slack integration ${integrationId}`);
  const verdict = verifySlackRequest(raw, installation.signingSecret);
  if (!verdict.ok) {
    const delivery = await recordRejectedDelivery(db, { id: installation.integrationId, organizationId: installation.organizationId }, raw, verdict.reason);
    return { status: 401, body: { error: { code: "bad_signature", message: verdict.reason, details: { delivery } } } };
  }
  const body = Buffer.from(raw.body).toString("utf8");
  try {
    if (endpoint === "events") return await answerSlackEvent(db, installation, body, readHeader(raw.headers, "x-slack-retry-num") ?? null);
    if (endpoint === "commands") return await answerSlackCommand(db, installation, body);
    return await answerSlackInteraction(db, installation, body);
  } catch (error) {
    if (error instanceof SlackPayloadError) return { status: 400, body: { error: { code: "malformed_request", message: error.message } } };
    throw error;
  }
}
