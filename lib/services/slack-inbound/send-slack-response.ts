import { postSlackResponse } from "@/lib/integrations/slack/response-url";
import type { JobPayload, SLACK_RESPONSE_JOB } from "@/lib/jobs/job-payloads";
import { slackApiUrl } from "./internal";

/** The job that answers a command or button through its response_url; failures are retried by the queue. */
export async function sendSlackResponse(payload: JobPayload<typeof SLACK_RESPONSE_JOB>): Promise<void> {
  await postSlackResponse(payload.responseUrl, slackApiUrl(), { text: payload.text });
}
