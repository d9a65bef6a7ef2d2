CREATE TABLE "audit_checkpoint" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD COLUMN "body_truncated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD COLUMN "body_digest" text;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_delivery_body_digest_uq" ON "webhook_delivery" USING btree ("integration_id","body_digest") WHERE status = 'accepted';--> statement-breakpoint
CREATE INDEX "webhook_delivery_rejected_received_idx" ON "webhook_delivery" USING btree ("received_at") WHERE status = 'rejected';--> statement-breakpoint
-- The chain head of every organisation that has audit rows already.
INSERT INTO audit_checkpoint (organization_id, seq, hash, at)
  SELECT DISTINCT ON (organization_id) organization_id, seq, hash, at FROM audit_log ORDER BY organization_id, seq DESC;
--> statement-breakpoint
-- Every audit row must continue its organisation's head (next seq, previous hash), and moves
-- the head to itself in the same transaction: a seq is never used twice, even after the
-- newest rows were deleted with the triggers disabled, and the head shows that they were.
CREATE OR REPLACE FUNCTION audit_log_advance_checkpoint() RETURNS trigger AS $$
DECLARE
  head audit_checkpoint%ROWTYPE;
BEGIN
  SELECT * INTO head FROM audit_checkpoint WHERE organization_id = NEW.organization_id FOR UPDATE;
  IF FOUND THEN
    IF NEW.seq <> head.seq + 1 OR NEW.prev_hash <> head.hash THEN
      RAISE EXCEPTION 'audit_log row % of organisation % does not continue the chain head (seq %)', NEW.seq, NEW.organization_id, head.seq
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    UPDATE audit_checkpoint SET seq = NEW.seq, hash = NEW.hash, at = NEW.at WHERE organization_id = NEW.organization_id;
  ELSE
    IF NEW.seq <> 1 THEN
      RAISE EXCEPTION 'audit_log row % of organisation % does not start a chain', NEW.seq, NEW.organization_id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    INSERT INTO audit_checkpoint (organization_id, seq, hash, at) VALUES (NEW.organization_id, NEW.seq, NEW.hash, NEW.at);
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_checkpoint BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_advance_checkpoint();
--> statement-breakpoint
-- The head only moves forward: no going back, no deleting, no TRUNCATE.
CREATE OR REPLACE FUNCTION audit_checkpoint_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.organization_id = OLD.organization_id AND NEW.seq > OLD.seq THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_checkpoint only moves forward: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_forward_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_refuse_change();
