-- The digest lists the incidents opened since yesterday: a sequential scan of 100,000
-- incidents took 40 ms of the organisation's digest; with the index, about 1 ms.
CREATE INDEX "incident_org_created_idx" ON "incident" USING btree ("organization_id","created_at");--> statement-breakpoint
-- INCLUDE (service_id, id) by hand (drizzle cannot say it): delivery health finds the failed
-- deployments (those marked as a cause on an incident) by a hash join of the marks against
-- the same index-only scan that counts them, instead of a sequential scan of the change feed
-- or one lookup by id per mark (bench:insights, 262,000 deployments in a year of 1,000,000
-- changes, 15,000 marks: 345 ms sequential scan, 200 ms by id, 107 ms by this index).
DROP INDEX "change_event_org_kind_time_idx";--> statement-breakpoint
CREATE INDEX "change_event_org_kind_time_idx" ON "change_event" USING btree ("organization_id","kind","occurred_at") INCLUDE ("service_id","id");
