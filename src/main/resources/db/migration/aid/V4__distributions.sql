-- Distribution rounds are closed by someone at a time, and a handing-out is never changed or removed, like the
-- stock movement that goes with it. Rounds are read by status; movements by the distribution they hand out.
ALTER TABLE aid.distribution_round ADD COLUMN closed_by uuid, ADD COLUMN closed_at timestamptz;
ALTER TABLE aid.distribution_round ADD CONSTRAINT round_closed_with_time
  CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL AND closed_by IS NOT NULL));
COMMENT ON COLUMN aid.distribution_round.settlement IS 'gazetteer.settlement id: the round is for the registry households whose settlement of origin it is';
COMMENT ON COLUMN aid.distribution.members IS 'Members of the canonical household not merged away, as counted when handed out';
COMMENT ON COLUMN aid.distribution.quantity IS 'per_household + per_member × members of the round, in the item''s unit: never typed';
CREATE INDEX distribution_round_by_opening ON aid.distribution_round (opens_on DESC, created_at DESC);
CREATE INDEX distribution_by_recording ON aid.distribution (round, recorded_at DESC);
CREATE INDEX movement_by_distribution ON aid.movement (distribution) WHERE distribution IS NOT NULL;

CREATE TRIGGER distribution_is_append_only BEFORE UPDATE OR DELETE ON aid.distribution
  FOR EACH ROW EXECUTE FUNCTION aid.refuse_change();
CREATE TRIGGER distribution_is_never_truncated BEFORE TRUNCATE ON aid.distribution
  FOR EACH STATEMENT EXECUTE FUNCTION aid.refuse_change();
