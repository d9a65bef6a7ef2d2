DROP INDEX "alert_incident_idx";--> statement-breakpoint
DROP INDEX "job_pending_idx";--> statement-breakpoint
CREATE INDEX "timeline_event_alert_episode_idx" ON "timeline_event" USING btree ("incident_id",("payload"->>'alertId'),("payload"->>'state'),("payload"->>'startsAt')) WHERE kind = 'alert';--> statement-breakpoint
CREATE INDEX "alert_incident_idx" ON "alert" USING btree ("incident_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "job_pending_idx" ON "job" USING btree ("run_at","id") WHERE done_at IS NULL;