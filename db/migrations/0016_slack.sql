CREATE TABLE "slack_incident_channel" (
	"incident_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"integration_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"channel_name" text NOT NULL,
	"url" text NOT NULL,
	"summary_ts" text,
	"summary_digest" text,
	"invited_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_posted_message" (
	"integration_id" text NOT NULL,
	"key" text NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_posted_message_integration_id_key_pk" PRIMARY KEY("integration_id","key")
);
--> statement-breakpoint
CREATE TABLE "slack_team_channel" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"integration_id" text NOT NULL,
	"team_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"changes" boolean DEFAULT true NOT NULL,
	"digest_minute" integer,
	"last_digest_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_user" (
	"integration_id" text NOT NULL,
	"slack_user_id" text NOT NULL,
	"email" text,
	"name" text NOT NULL,
	"user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slack_user_integration_id_slack_user_id_pk" PRIMARY KEY("integration_id","slack_user_id")
);
--> statement-breakpoint
ALTER TABLE "integration" ADD COLUMN "token_encrypted" text;--> statement-breakpoint
ALTER TABLE "slack_incident_channel" ADD CONSTRAINT "slack_incident_channel_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_incident_channel" ADD CONSTRAINT "slack_incident_channel_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_incident_channel" ADD CONSTRAINT "slack_incident_channel_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_posted_message" ADD CONSTRAINT "slack_posted_message_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_team_channel" ADD CONSTRAINT "slack_team_channel_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_team_channel" ADD CONSTRAINT "slack_team_channel_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_team_channel" ADD CONSTRAINT "slack_team_channel_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_user" ADD CONSTRAINT "slack_user_integration_id_integration_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_user" ADD CONSTRAINT "slack_user_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "slack_incident_channel_channel_uq" ON "slack_incident_channel" USING btree ("integration_id","channel_id");--> statement-breakpoint
CREATE INDEX "slack_posted_message_ts_idx" ON "slack_posted_message" USING btree ("channel_id","ts");--> statement-breakpoint
CREATE UNIQUE INDEX "slack_team_channel_uq" ON "slack_team_channel" USING btree ("team_id","channel_id");--> statement-breakpoint
CREATE INDEX "slack_team_channel_org_idx" ON "slack_team_channel" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "slack_user_email_idx" ON "slack_user" USING btree ("integration_id","email");