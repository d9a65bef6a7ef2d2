DROP INDEX "incident_knowledge_trgm_idx";--> statement-breakpoint
ALTER TABLE "incident_knowledge" ADD COLUMN "postmortem_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(postmortem_text, ''))) STORED;--> statement-breakpoint
CREATE INDEX "incident_knowledge_postmortem_fts_idx" ON "incident_knowledge" USING gin ("postmortem_vector") WHERE postmortem_text is not null;