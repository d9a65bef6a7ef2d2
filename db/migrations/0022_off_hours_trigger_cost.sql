-- What the off-hours triggers of 0020 cost a declared incident (bench:insights-triggers,
-- PostgreSQL 15: an incident and its service ~0.65 ms without them, ~1.9 ms with them).
-- 1. The rule becomes plpgsql, same body: a plpgsql function keeps its statement's plan for
--    the session, where a SQL function called outside a larger query was planned at every
--    call, i.e. for every incident whose services change one statement at a time.
CREATE OR REPLACE FUNCTION incident_started_off_hours(incident_id text, started timestamptz) RETURNS boolean AS $$
BEGIN
  RETURN (
    SELECT bool_and(NOT (
             date_part('isodow', l.local)::int = ANY (t.working_days)
             AND date_part('epoch', l.local::time) >= t.workday_start_minute * 60
             AND date_part('epoch', l.local::time) < t.workday_end_minute * 60))
    FROM incident_service x
    JOIN service s ON s.id = x.service_id
    JOIN team t ON t.id = s.team_id
    CROSS JOIN LATERAL (SELECT started AT TIME ZONE t.time_zone AS local) l
    WHERE x.incident_id = incident_started_off_hours.incident_id);
END;
$$ LANGUAGE plpgsql STABLE;--> statement-breakpoint
-- 2. An incident being inserted has no services yet (they reference it), so the answer on
--    insert is always null: the trigger now fires only when an incident's start moves.
DROP TRIGGER incident_started_off_hours_own ON incident;--> statement-breakpoint
CREATE TRIGGER incident_started_off_hours_own BEFORE UPDATE OF occurred_at ON incident
  FOR EACH ROW WHEN (OLD.occurred_at IS DISTINCT FROM NEW.occurred_at) EXECUTE FUNCTION incident_keep_started_off_hours();
