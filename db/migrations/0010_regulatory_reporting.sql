CREATE TABLE "regulatory_classification" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"regime" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"reportable" boolean NOT NULL,
	"recurring" jsonb,
	"classified_at" timestamp with time zone NOT NULL,
	"classified_by_id" text,
	"classified_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulatory_report" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"incident_id" text NOT NULL,
	"regime" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"content" jsonb NOT NULL,
	"corrects_report_id" text,
	"prepared_by_id" text,
	"prepared_by" text NOT NULL,
	"author_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_for_review_at" timestamp with time zone,
	"approved_by_id" text,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"authority_reference" text,
	"content_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_entity" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"lei" text,
	"entity_type" text NOT NULL,
	"country" text NOT NULL,
	"competent_authority" text NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parent_undertaking" jsonb,
	"significant" boolean DEFAULT false NOT NULL,
	"currency" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service" ADD COLUMN "client_count" integer;--> statement-breakpoint
ALTER TABLE "incident" ADD COLUMN "root_cause" jsonb;--> statement-breakpoint
ALTER TABLE "postmortem" ADD COLUMN "root_cause" jsonb;--> statement-breakpoint
ALTER TABLE "regulatory_classification" ADD CONSTRAINT "regulatory_classification_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulatory_classification" ADD CONSTRAINT "regulatory_classification_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulatory_report" ADD CONSTRAINT "regulatory_report_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulatory_report" ADD CONSTRAINT "regulatory_report_incident_id_incident_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_entity" ADD CONSTRAINT "reporting_entity_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regulatory_classification_incident_idx" ON "regulatory_classification" USING btree ("incident_id","regime","classified_at");--> statement-breakpoint
CREATE INDEX "regulatory_classification_org_idx" ON "regulatory_classification" USING btree ("organization_id","regime");--> statement-breakpoint
CREATE INDEX "regulatory_report_incident_idx" ON "regulatory_report" USING btree ("incident_id","regime","type");--> statement-breakpoint
CREATE INDEX "regulatory_report_org_status_idx" ON "regulatory_report" USING btree ("organization_id","status","created_at");--> statement-breakpoint
-- Classifications are append-only: a reclassification is a new row, never an edit.
CREATE OR REPLACE FUNCTION regulatory_classification_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'regulatory_classification is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER regulatory_classification_no_update_delete BEFORE UPDATE OR DELETE ON regulatory_classification
  FOR EACH ROW EXECUTE FUNCTION regulatory_classification_refuse_change();
--> statement-breakpoint
CREATE TRIGGER regulatory_classification_no_truncate BEFORE TRUNCATE ON regulatory_classification
  FOR EACH STATEMENT EXECUTE FUNCTION regulatory_classification_refuse_change();
--> statement-breakpoint
-- A report marked submitted is what the authority holds: it never changes or disappears
-- (a correction is a new report of the same type).
CREATE OR REPLACE FUNCTION regulatory_report_refuse_change_after_submission() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'submitted' THEN
    RAISE EXCEPTION 'regulatory_report % was submitted: % is not allowed', OLD.id, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER regulatory_report_frozen_after_submission BEFORE UPDATE OR DELETE ON regulatory_report
  FOR EACH ROW EXECUTE FUNCTION regulatory_report_refuse_change_after_submission();
