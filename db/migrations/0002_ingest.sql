CREATE TABLE "alert" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"integration_id" text,
	"fingerprint" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"severity" text,
	"service_id" text,
	"labels" jsonb NOT NULL,
	"annotations" jsonb NOT NULL,
	"runbook_url" text,
	"summary" text,
	"generator_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"incident_id" text,
	"routing" text
);
--> statement-breakpoint
CREATE TABLE "change_event" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"integration_id" text,
	"delivery_id" text,
	"kind" text NOT NULL,
	"service_id" text,
	"environment" text,
	"revision" text,
	"title" text NOT NULL,
	"description" text,
	"actor" text,
	"url" text,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"hints" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "correlation_settings" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"grouping_window_minutes" integer DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_change_mark" (
	"incident_id" text NOT NULL,
	"change_id" text NOT NULL,
	"mark" text NOT NULL,
	"marked_by" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_change_mark_incident_id_change_id_pk" PRIMARY KEY("incident_id","change_id")
);
--> statement-breakpoint
CREATE TABLE "incident_link" (
	"incident_id" text NOT NULL,
	"related_incident_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_link_incident_id_related_incident_id_kind_pk" PRIMARY KEY("incident_id","related_incident_id","kind")
);
--> statement-breakpoint
CREATE TABLE "integration" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"secret_encrypted" text NOT NULL,
	"secret_rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_delivery_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" text,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"integration_id" text NOT NULL,
	"dedup_key" text,
	"event_type" text,
	"status" text NOT NULL,
	"error" text,
	"headers" jsonb NOT NULL,
	"body" text NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"correlated_at" timestamp with time zone,
	"replay_of" text
);
--> statement-breakpoint
ALTER TABLE "service" ADD COLUMN "mappings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_event" ADD CONSTRAINT "change_event_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_event" ADD CONSTRAINT "change_event_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_event" ADD CONSTRAINT "change_event_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correlation_settings" ADD CONSTRAINT "correlation_settings_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_change_mark" ADD CONSTRAINT "incident_change_mark_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_change_mark" ADD CONSTRAINT "incident_change_mark_change_id_change_event_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."change_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_link" ADD CONSTRAINT "incident_link_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_link" ADD CONSTRAINT "incident_link_related_incident_id_incident_id_fk" FOREIGN KEY ("related_incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_org_fingerprint_uq" ON "alert" USING btree ("organization_id","fingerprint");--> statement-breakpoint
CREATE INDEX "alert_org_status_idx" ON "alert" USING btree ("organization_id","status","last_seen_at");--> statement-breakpoint
CREATE INDEX "alert_incident_idx" ON "alert" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "change_event_external_uq" ON "change_event" USING btree ("organization_id","source","external_id");--> statement-breakpoint
CREATE INDEX "change_event_org_time_idx" ON "change_event" USING btree ("organization_id","occurred_at");--> statement-breakpoint
CREATE INDEX "change_event_service_time_idx" ON "change_event" USING btree ("service_id","occurred_at");--> statement-breakpoint
CREATE INDEX "integration_org_idx" ON "integration" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "job_pending_idx" ON "job" USING btree ("run_at") WHERE done_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_delivery_dedup_uq" ON "webhook_delivery" USING btree ("integration_id","dedup_key") WHERE status = 'accepted';--> statement-breakpoint
CREATE INDEX "webhook_delivery_org_status_idx" ON "webhook_delivery" USING btree ("organization_id","status","received_at");