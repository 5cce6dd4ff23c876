-- The latest fuel reading of each facility and fuel, kept by the database as readings are written: the fuel alerts
-- need it for every facility on every view, and the readings grow by thousands a week.
CREATE TABLE aid.fuel_latest (
  facility uuid NOT NULL REFERENCES aid.facility (id),
  item     text NOT NULL REFERENCES aid.item (code),
  on_hand  numeric(18, 3) NOT NULL,
  read_on  date NOT NULL,
  reading  bigint NOT NULL REFERENCES aid.fuel_reading (id),
  PRIMARY KEY (facility, item)
);
COMMENT ON TABLE aid.fuel_latest IS 'Read model: the latest aid.fuel_reading per facility and item (by date, then by id)';

INSERT INTO aid.fuel_latest (facility, item, on_hand, read_on, reading)
SELECT DISTINCT ON (facility, item) facility, item, on_hand, read_on, id FROM aid.fuel_reading
ORDER BY facility, item, read_on DESC, id DESC;

CREATE FUNCTION aid.reading_is_latest() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = aid, pg_temp AS $$
BEGIN
  INSERT INTO aid.fuel_latest (facility, item, on_hand, read_on, reading)
  VALUES (NEW.facility, NEW.item, NEW.on_hand, NEW.read_on, NEW.id)
  ON CONFLICT (facility, item) DO UPDATE SET on_hand = EXCLUDED.on_hand, read_on = EXCLUDED.read_on,
    reading = EXCLUDED.reading
  WHERE (EXCLUDED.read_on, EXCLUDED.reading) > (aid.fuel_latest.read_on, aid.fuel_latest.reading);
  RETURN NULL;
END $$;
CREATE TRIGGER reading_is_latest AFTER INSERT ON aid.fuel_reading
  FOR EACH ROW EXECUTE FUNCTION aid.reading_is_latest();

CREATE INDEX fuel_reading_by_day ON aid.fuel_reading (read_on);

GRANT SELECT ON aid.fuel_latest TO ${app_role};
