import { refreshIncidentKnowledge } from "@/lib/services/knowledge/refresh-incident-knowledge";
import { REFRESH_INCIDENT_KNOWLEDGE_JOB } from "../job-payloads";
import { queuedJob } from "./job-definition";

export const refreshIncidentKnowledgeJob = queuedJob(REFRESH_INCIDENT_KNOWLEDGE_JOB, {
  handler: (db, { incidentId }) => refreshIncidentKnowledge(db, incidentId),
});
