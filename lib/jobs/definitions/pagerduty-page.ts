import { sendPageEvent } from "@/lib/services/paging/send-page-event";
import { resolveIncidentPages } from "@/lib/services/paging/resolve-incident-pages";
import { PAGERDUTY_PAGE_JOB, RESOLVE_INCIDENT_PAGES_JOB } from "../job-payloads";
import { queuedJob } from "./job-definition";

/** A page's trigger or resolve event; a failure is retried with the queue's backoff. */
export const pagerdutyPageJob = queuedJob(PAGERDUTY_PAGE_JOB, {
  handler: (db, payload) => sendPageEvent(db, payload),
});

/** An incident resolved: its pages are resolved, one job each. */
export const resolveIncidentPagesJob = queuedJob(RESOLVE_INCIDENT_PAGES_JOB, {
  handler: (db, { incidentId }) => resolveIncidentPages(db, incidentId),
});
