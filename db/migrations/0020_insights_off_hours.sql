-- Whether an incident started off-hours (outside the working hours of every team owning one of
-- its services, each in its own time zone) is kept on the incident, so insights read one column
-- instead of joining every incident of a question to its services' teams and converting its
-- start into each team's time zone. That work was most of the key-time statement: a year of
-- bench:insights (46,000 incidents, PostgreSQL 15, 2 cores) took ~290 ms with it and ~40 ms
-- without. Triggers keep the column true whenever one of its inputs changes, so no code path
-- can forget it: the incident's start, its services, a service's team, a team's hours.
ALTER TABLE "incident" ADD COLUMN "started_off_hours" boolean;--> statement-breakpoint
-- The one definition: working hours are [start, end) minutes after local midnight on the
-- team's ISO weekdays (1 = Monday). Null when no team owns any of its services or it has no start.
CREATE OR REPLACE FUNCTION incident_started_off_hours(incident_id text, started timestamptz) RETURNS boolean AS $$
  SELECT bool_and(NOT (
           date_part('isodow', l.local)::int = ANY (t.working_days)
           AND date_part('epoch', l.local::time) >= t.workday_start_minute * 60
           AND date_part('epoch', l.local::time) < t.workday_end_minute * 60))
  FROM incident_service x
  JOIN service s ON s.id = x.service_id
  JOIN team t ON t.id = s.team_id
  CROSS JOIN LATERAL (SELECT started AT TIME ZONE t.time_zone AS local) l
  WHERE x.incident_id = incident_started_off_hours.incident_id
$$ LANGUAGE sql STABLE;--> statement-breakpoint
-- The incident's own start (on insert it has no services yet: null until they are added).
CREATE OR REPLACE FUNCTION incident_keep_started_off_hours() RETURNS trigger AS $$
BEGIN
  NEW.started_off_hours := incident_started_off_hours(NEW.id, NEW.occurred_at);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER incident_started_off_hours_own BEFORE INSERT OR UPDATE OF occurred_at ON incident
  FOR EACH ROW EXECUTE FUNCTION incident_keep_started_off_hours();--> statement-breakpoint
-- Its services: once per statement over the incidents it touched (the demo seed and imports
-- add services to thousands of incidents in one statement).
CREATE OR REPLACE FUNCTION incident_service_refresh_off_hours() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE incident i SET started_off_hours = incident_started_off_hours(i.id, i.occurred_at)
    WHERE i.id IN (SELECT incident_id FROM added_rows);
  ELSE
    UPDATE incident i SET started_off_hours = incident_started_off_hours(i.id, i.occurred_at)
    WHERE i.id IN (SELECT incident_id FROM removed_rows);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER incident_service_added_off_hours AFTER INSERT ON incident_service
  REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_service_refresh_off_hours();--> statement-breakpoint
CREATE TRIGGER incident_service_removed_off_hours AFTER DELETE ON incident_service
  REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_service_refresh_off_hours();--> statement-breakpoint
-- A service moving to another team (or to none, when its team is deleted), and a team's
-- time zone or hours changing: rare, and then every incident of those services is refreshed.
CREATE OR REPLACE FUNCTION service_refresh_incident_off_hours() RETURNS trigger AS $$
BEGIN
  UPDATE incident i SET started_off_hours = incident_started_off_hours(i.id, i.occurred_at)
  WHERE i.id IN (SELECT x.incident_id FROM incident_service x WHERE x.service_id = NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER service_team_off_hours AFTER UPDATE OF team_id ON service
  FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id) EXECUTE FUNCTION service_refresh_incident_off_hours();--> statement-breakpoint
CREATE OR REPLACE FUNCTION team_refresh_incident_off_hours() RETURNS trigger AS $$
BEGIN
  UPDATE incident i SET started_off_hours = incident_started_off_hours(i.id, i.occurred_at)
  WHERE i.id IN (SELECT x.incident_id FROM incident_service x JOIN service s ON s.id = x.service_id WHERE s.team_id = NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER team_hours_off_hours AFTER UPDATE OF time_zone, working_days, workday_start_minute, workday_end_minute ON team
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.working_days IS DISTINCT FROM NEW.working_days
                     OR OLD.workday_start_minute IS DISTINCT FROM NEW.workday_start_minute OR OLD.workday_end_minute IS DISTINCT FROM NEW.workday_end_minute)
  EXECUTE FUNCTION team_refresh_incident_off_hours();--> statement-breakpoint
UPDATE incident i SET started_off_hours = incident_started_off_hours(i.id, i.occurred_at)
WHERE i.occurred_at IS NOT NULL AND EXISTS (SELECT 1 FROM incident_service x WHERE x.incident_id = i.id);
