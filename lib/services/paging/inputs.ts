import { z } from "zod";

const baseUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** PUT /api/v1/pagerduty-connection */
export const setPagerDutyConnectionInput = z.strictObject({
  apiToken: z.string().trim().min(1, "cannot be empty").max(500),
  /** an Events API v2 integration (or Event Orchestration) routing key: 32 characters */
  routingKey: z.string().trim().regex(/^[A-Za-z0-9]{32}$/, "must be a 32-character Events API v2 routing key").optional(),
  apiUrl: baseUrl.optional(),
  eventsUrl: baseUrl.optional(),
});

/** POST /api/v1/incidents/{idOrRef}/pages */
export const pageOnCallInput = z.strictObject({
  /** the affected service whose on-call to page; the first affected service with a PagerDuty service when left out */
  service: z.string().trim().min(1).max(63).optional(),
  message: z.string().trim().min(1, "cannot be empty").max(1000).optional(),
});
