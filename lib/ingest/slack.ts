import { createHash } from "node:crypto";
import { verifySlackRequest } from "./slack-signature";
import type { IngestAdapter, ParsedDelivery, RawDelivery } from "./types";

/**
 * Slack as an integration kind. Slack's events, slash commands and button clicks arrive at
 * their own endpoints (/api/slack/{integrationId}/…, Slack's formats); a request that reaches
 * the generic ingest URL instead is verified the same way (the signing secret is the
 * integration's secret) and accepted without events, so nothing is lost and nothing acted on.
 */
export const slackAdapter: IngestAdapter = {
  source: "slack",
  verify: (raw, secret) => verifySlackRequest(raw, secret),
  parse(raw: RawDelivery): ParsedDelivery {
    return { eventType: "slack.request", dedupKey: createHash("sha256").update(raw.body).digest("hex").slice(0, 32), events: [] };
  },
};
