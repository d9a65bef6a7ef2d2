-- Delivery health over a year without reading the year's change feed (bench:insights,
-- PostgreSQL 15: 262,000 deployments in a year of 1,000,000 changes; the delivery statement
-- ~270 ms, most of it two passes over those deployments' index entries):
--  * change_month_count: changes per organisation, kind, service and calendar month (UTC),
--    from which whole months are counted (the part-months at the ends of a range still come
--    from the change feed);
--  * the marked change's kind, service and time copied onto each mark, so the failed
--    deployments are found among the marks (15,000) rather than among the deployments.
-- Both are kept by triggers on change_event and incident_change_mark, so no code path can
-- forget them. Statement-level on change_event: an ingest delivery or an import adds its
-- counts in one upsert, in key order so that two deliveries never wait on each other crosswise.
CREATE TABLE "change_month_count" (
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"service_id" text,
	"month" timestamp NOT NULL,
	"changes" integer NOT NULL,
	CONSTRAINT "change_month_count_uq" UNIQUE NULLS NOT DISTINCT("organization_id","kind","month","service_id")
);
--> statement-breakpoint
ALTER TABLE "incident_change_mark" ADD COLUMN "change_kind" text;--> statement-breakpoint
ALTER TABLE "incident_change_mark" ADD COLUMN "change_service_id" text;--> statement-breakpoint
ALTER TABLE "incident_change_mark" ADD COLUMN "change_occurred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "change_month_count" ADD CONSTRAINT "change_month_count_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE OR REPLACE FUNCTION change_event_count_by_month() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    WITH gone AS (
      SELECT organization_id, kind, service_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC') AS month, count(*)::int AS n
      FROM old_rows GROUP BY 1, 2, 3, 4)
    UPDATE change_month_count c SET changes = c.changes - gone.n
    FROM gone
    WHERE c.organization_id = gone.organization_id AND c.kind = gone.kind AND c.month = gone.month
      AND c.service_id IS NOT DISTINCT FROM gone.service_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO change_month_count AS c (organization_id, kind, service_id, month, changes)
    SELECT organization_id, kind, service_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC'), count(*)::int
    FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (organization_id, kind, month, service_id) DO UPDATE SET changes = c.changes + excluded.changes;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM change_month_count c
    WHERE c.changes = 0 AND c.organization_id IN (SELECT DISTINCT organization_id FROM old_rows);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    UPDATE incident_change_mark m SET change_kind = n.kind, change_service_id = n.service_id, change_occurred_at = n.occurred_at
    FROM new_rows n
    WHERE m.change_id = n.id
      AND (m.change_kind, m.change_service_id, m.change_occurred_at) IS DISTINCT FROM (n.kind, n.service_id, n.occurred_at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER change_event_counted_on_insert AFTER INSERT ON change_event
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_event_count_by_month();--> statement-breakpoint
CREATE TRIGGER change_event_counted_on_update AFTER UPDATE ON change_event
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_event_count_by_month();--> statement-breakpoint
CREATE TRIGGER change_event_counted_on_delete AFTER DELETE ON change_event
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION change_event_count_by_month();--> statement-breakpoint
CREATE OR REPLACE FUNCTION incident_change_mark_copy_change() RETURNS trigger AS $$
BEGIN
  SELECT c.kind, c.service_id, c.occurred_at INTO NEW.change_kind, NEW.change_service_id, NEW.change_occurred_at
  FROM change_event c WHERE c.id = NEW.change_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER incident_change_mark_change BEFORE INSERT OR UPDATE OF change_id ON incident_change_mark
  FOR EACH ROW EXECUTE FUNCTION incident_change_mark_copy_change();--> statement-breakpoint
INSERT INTO change_month_count (organization_id, kind, service_id, month, changes)
SELECT organization_id, kind, service_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC'), count(*)::int
FROM change_event GROUP BY 1, 2, 3, 4;--> statement-breakpoint
UPDATE incident_change_mark m SET change_kind = c.kind, change_service_id = c.service_id, change_occurred_at = c.occurred_at
FROM change_event c WHERE c.id = m.change_id;
