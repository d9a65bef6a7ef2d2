ALTER TABLE "team" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "workday_start_minute" integer DEFAULT 540 NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "workday_end_minute" integer DEFAULT 1020 NOT NULL;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "working_days" integer[] DEFAULT '{1,2,3,4,5}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "alert" ADD COLUMN "links" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "action_item" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
-- Items closed before this column existed: their last update is the best record of when.
UPDATE "action_item" SET "completed_at" = "updated_at" WHERE "status" IN ('done', 'wont_do');--> statement-breakpoint
CREATE INDEX "incident_org_occurred_idx" ON "incident" USING btree ("organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "incident_org_resolved_idx" ON "incident" USING btree ("organization_id","resolved_at");--> statement-breakpoint
CREATE INDEX "alert_org_starts_idx" ON "alert" USING btree ("organization_id","starts_at");--> statement-breakpoint
CREATE INDEX "incident_change_mark_change_idx" ON "incident_change_mark" USING btree ("change_id","mark");