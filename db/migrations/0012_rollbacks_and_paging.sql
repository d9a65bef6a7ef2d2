CREATE TABLE "rollback" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"change_id" text,
	"repository" text NOT NULL,
	"base_branch" text NOT NULL,
	"branch" text NOT NULL,
	"reverted_commits" jsonb NOT NULL,
	"strategy" text NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"review_state" text,
	"reviewed_by" text,
	"reason" text,
	"conflicts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pull_request_number" integer,
	"pull_request_url" text,
	"revert_commit_sha" text,
	"merge_commit_sha" text,
	"applied_change_id" text,
	"applied_at" timestamp with time zone,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incident_page" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"service_id" text,
	"dedup_key" text NOT NULL,
	"summary" text NOT NULL,
	"status" text NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"pagerduty_incident_url" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"triggered_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pagerduty_connection" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"api_url" text DEFAULT 'https://api.pagerduty.com' NOT NULL,
	"events_url" text DEFAULT 'https://events.pagerduty.com' NOT NULL,
	"token_encrypted" text NOT NULL,
	"routing_key_encrypted" text,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service" ADD COLUMN "pagerduty_service_id" text;--> statement-breakpoint
ALTER TABLE "service" ADD COLUMN "pagerduty_escalation_policy_id" text;--> statement-breakpoint
ALTER TABLE "github_connection" ADD COLUMN "user_logins" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "rollback" ADD CONSTRAINT "rollback_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollback" ADD CONSTRAINT "rollback_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollback" ADD CONSTRAINT "rollback_change_id_change_event_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."change_event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollback" ADD CONSTRAINT "rollback_applied_change_id_change_event_id_fk" FOREIGN KEY ("applied_change_id") REFERENCES "public"."change_event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_page" ADD CONSTRAINT "incident_page_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_page" ADD CONSTRAINT "incident_page_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_page" ADD CONSTRAINT "incident_page_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pagerduty_connection" ADD CONSTRAINT "pagerduty_connection_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rollback_incident_idx" ON "rollback" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rollback_pull_request_uq" ON "rollback" USING btree ("organization_id","repository","pull_request_number") WHERE pull_request_number is not null;--> statement-breakpoint
CREATE INDEX "rollback_org_status_idx" ON "rollback" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_page_dedup_uq" ON "incident_page" USING btree ("organization_id","dedup_key");--> statement-breakpoint
CREATE INDEX "incident_page_incident_idx" ON "incident_page" USING btree ("incident_id");