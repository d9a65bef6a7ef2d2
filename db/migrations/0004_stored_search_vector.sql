DROP INDEX "incident_knowledge_fts_idx";--> statement-breakpoint
ALTER TABLE "incident_knowledge" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', document)) STORED;--> statement-breakpoint
CREATE INDEX "incident_knowledge_fts_idx" ON "incident_knowledge" USING gin ("search_vector");