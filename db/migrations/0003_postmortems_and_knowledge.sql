CREATE TABLE "action_item" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_id" text,
	"due_date" date,
	"priority" text DEFAULT 'P3' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"external_repository" text,
	"external_number" integer,
	"external_url" text,
	"external_state" text,
	"synced_at" timestamp with time zone,
	"sync_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "github_connection" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"api_url" text DEFAULT 'https://api.github.com' NOT NULL,
	"token_encrypted" text NOT NULL,
	"account" text,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortem" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"template" text NOT NULL,
	"status" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"ydoc" "bytea",
	"content" jsonb NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"author_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortem_approval" (
	"postmortem_id" text NOT NULL,
	"revision" integer NOT NULL,
	"user_id" text NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postmortem_approval_postmortem_id_revision_user_id_pk" PRIMARY KEY("postmortem_id","revision","user_id")
);
--> statement-breakpoint
CREATE TABLE "postmortem_revision" (
	"postmortem_id" text NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"text" text NOT NULL,
	"sha256" text NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postmortem_revision_postmortem_id_revision_pk" PRIMARY KEY("postmortem_id","revision")
);
--> statement-breakpoint
CREATE TABLE "postmortem_template" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_knowledge" (
	"incident_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"root_cause_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"alert_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"change_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resolution" text,
	"postmortem_text" text,
	"document" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_runbook_step" (
	"incident_id" text NOT NULL,
	"runbook_id" text NOT NULL,
	"step" integer NOT NULL,
	"checked_by" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_runbook_step_incident_id_runbook_id_step_pk" PRIMARY KEY("incident_id","runbook_id","step")
);
--> statement-breakpoint
CREATE TABLE "runbook" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"alert_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_team_id" text,
	"source_id" text,
	"source_path" text,
	"source_url" text,
	"source_sha" text,
	"stale_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runbook_source" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"repository" text NOT NULL,
	"ref" text,
	"path" text NOT NULL,
	"published_url_pattern" text,
	"last_synced_at" timestamp with time zone,
	"last_synced_sha" text,
	"last_error" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_sync_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "similarity_feedback" (
	"incident_id" text NOT NULL,
	"suggested_incident_id" text NOT NULL,
	"helpful" boolean NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "similarity_feedback_incident_id_suggested_incident_id_pk" PRIMARY KEY("incident_id","suggested_incident_id")
);
--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "github_connection" ADD CONSTRAINT "github_connection_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem" ADD CONSTRAINT "postmortem_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem" ADD CONSTRAINT "postmortem_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_approval" ADD CONSTRAINT "postmortem_approval_postmortem_id_postmortem_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortem"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_approval" ADD CONSTRAINT "postmortem_approval_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_revision" ADD CONSTRAINT "postmortem_revision_postmortem_id_postmortem_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortem"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_template" ADD CONSTRAINT "postmortem_template_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_knowledge" ADD CONSTRAINT "incident_knowledge_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_runbook_step" ADD CONSTRAINT "incident_runbook_step_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_runbook_step" ADD CONSTRAINT "incident_runbook_step_runbook_id_runbook_id_fk" FOREIGN KEY ("runbook_id") REFERENCES "public"."runbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook" ADD CONSTRAINT "runbook_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook" ADD CONSTRAINT "runbook_owner_team_id_team_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."team"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook" ADD CONSTRAINT "runbook_source_id_runbook_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."runbook_source"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_source" ADD CONSTRAINT "runbook_source_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "similarity_feedback" ADD CONSTRAINT "similarity_feedback_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "similarity_feedback" ADD CONSTRAINT "similarity_feedback_suggested_incident_id_incident_id_fk" FOREIGN KEY ("suggested_incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "similarity_feedback" ADD CONSTRAINT "similarity_feedback_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_item_incident_idx" ON "action_item" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "action_item_org_status_due_idx" ON "action_item" USING btree ("organization_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "postmortem_incident_uq" ON "postmortem" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "postmortem_org_status_idx" ON "postmortem" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "postmortem_template_org_key_uq" ON "postmortem_template" USING btree ("organization_id","key");--> statement-breakpoint
CREATE INDEX "incident_knowledge_org_idx" ON "incident_knowledge" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "incident_knowledge_fts_idx" ON "incident_knowledge" USING gin (to_tsvector('english', "document"));--> statement-breakpoint
CREATE INDEX "incident_knowledge_trgm_idx" ON "incident_knowledge" USING gin ("document" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "runbook_org_idx" ON "runbook" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "runbook_source_path_uq" ON "runbook" USING btree ("source_id","source_path");--> statement-breakpoint
CREATE INDEX "runbook_search_idx" ON "runbook" USING gin (to_tsvector('english', "title" || ' ' || "body"));--> statement-breakpoint
CREATE UNIQUE INDEX "runbook_source_uq" ON "runbook_source" USING btree ("organization_id","repository","path");