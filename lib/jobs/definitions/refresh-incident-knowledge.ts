import { refreshIncidentKnowledge } from "@/lib/services/knowledge/refresh-incident-knowledge";
import { JOB_PAYLOADS, REFRESH_INCIDENT_KNOWLEDGE_JOB } from "../job-payloads";
import type { QueuedJobDefinition } from "./job-definition";

export const refreshIncidentKnowledgeJob: QueuedJobDefinition<typeof REFRESH_INCIDENT_KNOWLEDGE_JOB> = {
  kind: REFRESH_INCIDENT_KNOWLEDGE_JOB,
  payload: JOB_PAYLOADS[REFRESH_INCIDENT_KNOWLEDGE_JOB],
  handler: (db, { incidentId }) => refreshIncidentKnowledge(db, incidentId),
};
