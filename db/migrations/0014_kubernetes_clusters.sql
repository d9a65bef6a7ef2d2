CREATE TABLE "cluster_signal" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"cluster_id" text NOT NULL,
	"kind" text NOT NULL,
	"namespace" text NOT NULL,
	"object" text NOT NULL,
	"reason" text NOT NULL,
	"message" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"restarts" integer,
	"log_tail" jsonb,
	"service_id" text,
	"alert_id" text,
	"dedup_key" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kubernetes_cluster" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"environment" text,
	"auth_mode" text NOT NULL,
	"kubeconfig_encrypted" text,
	"namespaces" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'connecting' NOT NULL,
	"error" text,
	"last_event_at" timestamp with time zone,
	"resource_versions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lease_holder" text,
	"lease_expires_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kubernetes_workload" (
	"cluster_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"namespace" text NOT NULL,
	"name" text NOT NULL,
	"service_id" text,
	"template_hash" text NOT NULL,
	"images" jsonb NOT NULL,
	"revision" text,
	"rollout_status" text NOT NULL,
	"rollout_reason" text,
	"replicas" integer DEFAULT 0 NOT NULL,
	"ready_replicas" integer DEFAULT 0 NOT NULL,
	"rollout_started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kubernetes_workload_cluster_id_kind_namespace_name_pk" PRIMARY KEY("cluster_id","kind","namespace","name")
);
--> statement-breakpoint
ALTER TABLE "cluster_signal" ADD CONSTRAINT "cluster_signal_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_signal" ADD CONSTRAINT "cluster_signal_cluster_id_kubernetes_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."kubernetes_cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_signal" ADD CONSTRAINT "cluster_signal_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_signal" ADD CONSTRAINT "cluster_signal_alert_id_alert_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alert"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kubernetes_cluster" ADD CONSTRAINT "kubernetes_cluster_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kubernetes_workload" ADD CONSTRAINT "kubernetes_workload_cluster_id_kubernetes_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."kubernetes_cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kubernetes_workload" ADD CONSTRAINT "kubernetes_workload_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_signal_dedup_uq" ON "cluster_signal" USING btree ("cluster_id","dedup_key");--> statement-breakpoint
CREATE INDEX "cluster_signal_org_time_idx" ON "cluster_signal" USING btree ("organization_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "cluster_signal_service_time_idx" ON "cluster_signal" USING btree ("service_id","last_seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kubernetes_cluster_org_name_uq" ON "kubernetes_cluster" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "kubernetes_cluster_lease_idx" ON "kubernetes_cluster" USING btree ("lease_expires_at");--> statement-breakpoint
CREATE INDEX "kubernetes_workload_service_idx" ON "kubernetes_workload" USING btree ("service_id");