ALTER TABLE "incident" ADD COLUMN "aware_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident" ADD COLUMN "classified_at" timestamp with time zone;