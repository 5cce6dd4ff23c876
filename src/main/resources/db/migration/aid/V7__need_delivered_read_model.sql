-- What each need has received so far, kept by the database as needs and deliveries are written, whoever writes
-- them: the dashboard reads one row per need instead of adding up the deliveries of every need on every view.
-- A delivery counts towards the needs of its facility and item whose days it falls on.
CREATE TABLE aid.need_delivered (
  need     uuid PRIMARY KEY REFERENCES aid.need (id),
  quantity numeric(18, 3) NOT NULL CHECK (quantity >= 0)
);
COMMENT ON TABLE aid.need_delivered IS 'Read model: received of the need''s item at its facility between its first and last day';

INSERT INTO aid.need_delivered (need, quantity)
SELECT n.id, coalesce((SELECT sum(d.quantity) FROM aid.delivered d WHERE d.facility = n.facility AND d.item = n.item
  AND d.day BETWEEN n.period_from AND n.period_to), 0)
FROM aid.need n;

CREATE FUNCTION aid.need_starts_delivered() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = aid, pg_temp AS $$
BEGIN
  INSERT INTO aid.need_delivered (need, quantity)
  VALUES (NEW.id, coalesce((SELECT sum(d.quantity) FROM aid.delivered d WHERE d.facility = NEW.facility
    AND d.item = NEW.item AND d.day BETWEEN NEW.period_from AND NEW.period_to), 0));
  RETURN NULL;
END $$;
CREATE TRIGGER need_starts_delivered AFTER INSERT ON aid.need
  FOR EACH ROW EXECUTE FUNCTION aid.need_starts_delivered();

CREATE FUNCTION aid.delivery_counts_for_needs() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = aid, pg_temp AS $$
DECLARE
  added numeric := NEW.quantity - CASE WHEN TG_OP = 'UPDATE' THEN OLD.quantity ELSE 0 END;
BEGIN
  UPDATE aid.need_delivered nd SET quantity = nd.quantity + added
  FROM aid.need n
  WHERE nd.need = n.id AND n.facility = NEW.facility AND n.item = NEW.item
    AND NEW.day BETWEEN n.period_from AND n.period_to;
  RETURN NULL;
END $$;
CREATE TRIGGER delivery_counts_for_needs AFTER INSERT OR UPDATE OF quantity ON aid.delivered
  FOR EACH ROW EXECUTE FUNCTION aid.delivery_counts_for_needs();

CREATE INDEX need_by_facility_item_period ON aid.need (facility, item, period_from, period_to);
CREATE INDEX need_in_force_by_period ON aid.need (period_from, period_to) WHERE superseded_by IS NULL;
CREATE INDEX delivered_by_item_day ON aid.delivered (item, day);

GRANT SELECT ON aid.need_delivered TO ${app_role};
