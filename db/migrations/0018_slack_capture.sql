CREATE TABLE "slack_captured_file" (
	"incident_id" text NOT NULL,
	"file_id" text NOT NULL,
	"timeline_event_id" text NOT NULL,
	"name" text NOT NULL,
	"mimetype" text NOT NULL,
	"size" integer,
	"permalink" text,
	"content" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_captured_file_incident_id_file_id_pk" PRIMARY KEY("incident_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "slack_captured_message" (
	"timeline_event_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"integration_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_ts" text NOT NULL,
	"captured_via" text NOT NULL,
	"text" text NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_event_receipt" (
	"integration_id" text NOT NULL,
	"event_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_event_receipt_integration_id_event_id_pk" PRIMARY KEY("integration_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "slack_captured_file" ADD CONSTRAINT "slack_captured_file_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_captured_file" ADD CONSTRAINT "slack_captured_file_timeline_event_id_timeline_event_id_fk" FOREIGN KEY ("timeline_event_id") REFERENCES "public"."timeline_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_captured_message" ADD CONSTRAINT "slack_captured_message_timeline_event_id_timeline_event_id_fk" FOREIGN KEY ("timeline_event_id") REFERENCES "public"."timeline_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_captured_message" ADD CONSTRAINT "slack_captured_message_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_captured_message" ADD CONSTRAINT "slack_captured_message_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_captured_message" ADD CONSTRAINT "slack_captured_message_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_event_receipt" ADD CONSTRAINT "slack_event_receipt_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "slack_captured_message_uq" ON "slack_captured_message" USING btree ("incident_id","channel_id","message_ts");--> statement-breakpoint
CREATE INDEX "slack_captured_message_channel_ts_idx" ON "slack_captured_message" USING btree ("integration_id","channel_id","message_ts");--> statement-breakpoint
CREATE INDEX "slack_event_receipt_received_idx" ON "slack_event_receipt" USING btree ("received_at");