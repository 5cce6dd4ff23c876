CREATE SCHEMA aid;
GRANT USAGE ON SCHEMA aid TO ${app_role};

-- The catalogue. Every quantity of an item is an exact decimal in the item's one unit; unit_scale is how many
-- decimal places that unit allows (kilograms to the gram, litres to the centilitre, pieces whole).
CREATE TABLE aid.item (
  code              text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,40}$'),
  category          text NOT NULL CHECK (category IN ('FOOD', 'FUEL', 'MEDICAL', 'COMMUNICATIONS', 'HYGIENE',
                      'SHELTER')),
  unit              text NOT NULL CHECK (unit IN ('KILOGRAM', 'RATION_PACK', 'PARCEL', 'LITRE', 'CUBIC_METRE', 'KIT',
                      'PIECE', 'MINUTE')),
  name              jsonb NOT NULL,
  unit_value        numeric(14, 2) CHECK (unit_value >= 0),
  approval_quantity numeric(18, 3) CHECK (approval_quantity > 0),
  created_at        timestamptz NOT NULL
);
COMMENT ON COLUMN aid.item.name IS 'Name by language: {"hy": …, "az": …, "ru": …, "en": …}';
COMMENT ON COLUMN aid.item.unit_value IS 'Estimated value of one unit, in hearth.aid.currency; for the second-approval rule';
COMMENT ON COLUMN aid.item.approval_quantity IS 'A request line of at least this quantity needs a second approver';

CREATE TABLE aid.warehouse (
  id         uuid PRIMARY KEY,
  code       text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  settlement text NOT NULL,
  created_at timestamptz NOT NULL
);
COMMENT ON COLUMN aid.warehouse.settlement IS 'gazetteer.settlement id';

CREATE TABLE aid.facility (
  id              uuid PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('SCHOOL', 'HOSPITAL', 'CLINIC', 'FIELD_HOSPITAL', 'SHELTER',
                    'COMMUNITY_KITCHEN')),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  settlement      text NOT NULL,
  capacity        integer NOT NULL CHECK (capacity >= 0),
  contact         text CHECK (length(contact) <= 300),
  status          text NOT NULL CHECK (status IN ('OPEN', 'PARTLY_OPEN', 'CLOSED')),
  daily_fuel_use  numeric(12, 2) CHECK (daily_fuel_use > 0),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  version         bigint NOT NULL
);
COMMENT ON COLUMN aid.facility.capacity IS 'Pupils for a school, beds for a hospital, clinic or field hospital, people served otherwise';
COMMENT ON COLUMN aid.facility.contact IS 'How to reach the facility (an office, a telephone): not a private person''s details';
COMMENT ON COLUMN aid.facility.daily_fuel_use IS 'Declared litres of fuel a day, used for the fuel alert until readings say better';
CREATE INDEX facility_by_settlement ON aid.facility (settlement);

-- What a facility needs of an item over a period. A change is a new row that supersedes the old one.
CREATE TABLE aid.need (
  id            uuid PRIMARY KEY,
  facility      uuid NOT NULL REFERENCES aid.facility (id),
  item          text NOT NULL REFERENCES aid.item (code),
  quantity      numeric(18, 3) NOT NULL CHECK (quantity > 0),
  period_from   date NOT NULL,
  period_to     date NOT NULL,
  note          text CHECK (length(note) <= 1000),
  recorded_by   uuid NOT NULL,
  recorded_at   timestamptz NOT NULL,
  superseded_by uuid REFERENCES aid.need (id),
  CHECK (period_from <= period_to)
);
CREATE INDEX need_by_facility ON aid.need (facility, item) WHERE superseded_by IS NULL;

-- The stock ledger: append-only. Stock on hand is the sum of the deltas, kept per warehouse and item in
-- aid.stock by a trigger, which nobody else may write; its CHECK makes a negative stock impossible.
CREATE TABLE aid.movement (
  id           bigserial PRIMARY KEY,
  ref          uuid NOT NULL UNIQUE,
  warehouse    uuid NOT NULL REFERENCES aid.warehouse (id),
  item         text NOT NULL REFERENCES aid.item (code),
  kind         text NOT NULL CHECK (kind IN ('RECEIPT', 'DISPATCH', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT',
                 'LOSS', 'DISTRIBUTION')),
  delta        numeric(18, 3) NOT NULL CHECK (delta <> 0),
  reason       text CHECK (length(reason) <= 1000),
  source       text CHECK (length(source) <= 200),
  shipment     uuid,
  transfer     uuid,
  distribution uuid,
  corrects     bigint REFERENCES aid.movement (id),
  occurred_on  date NOT NULL,
  recorded_by  uuid NOT NULL,
  recorded_at  timestamptz NOT NULL,
  CHECK (kind NOT IN ('ADJUSTMENT', 'LOSS') OR length(btrim(reason)) > 0),
  CHECK (kind NOT IN ('DISPATCH', 'TRANSFER_OUT', 'LOSS', 'DISTRIBUTION') OR delta < 0),
  CHECK (kind NOT IN ('RECEIPT', 'TRANSFER_IN') OR delta > 0)
);
COMMENT ON COLUMN aid.movement.ref IS 'The movement''s id in the transparency log and in links';
COMMENT ON COLUMN aid.movement.source IS 'Where a receipt came from (a donor, a convoy), as written';
COMMENT ON COLUMN aid.movement.corrects IS 'The movement this one corrects: corrections are new movements, never edits';
CREATE INDEX movement_by_warehouse ON aid.movement (warehouse, id);
CREATE INDEX movement_by_shipment ON aid.movement (shipment) WHERE shipment IS NOT NULL;

CREATE TABLE aid.stock (
  warehouse uuid NOT NULL REFERENCES aid.warehouse (id),
  item      text NOT NULL REFERENCES aid.item (code),
  on_hand   numeric(18, 3) NOT NULL CONSTRAINT stock_never_negative CHECK (on_hand >= 0),
  PRIMARY KEY (warehouse, item)
);

CREATE FUNCTION aid.apply_movement() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = aid, pg_temp
AS $$
BEGIN
  -- An update first: an INSERT ... ON CONFLICT would check the row it proposes, a negative one for a taking.
  UPDATE aid.stock SET on_hand = on_hand + NEW.delta WHERE warehouse = NEW.warehouse AND item = NEW.item;
  IF NOT FOUND THEN
    INSERT INTO aid.stock (warehouse, item, on_hand) VALUES (NEW.warehouse, NEW.item, NEW.delta);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER movement_moves_stock AFTER INSERT ON aid.movement
  FOR EACH ROW EXECUTE FUNCTION aid.apply_movement();

-- Locks a warehouse's stock row of an item (creating it at zero) for the transaction and returns what is on hand:
-- whoever takes stock locks first, so two dispatches of the last litres wait for each other instead of both passing.
CREATE FUNCTION aid.lock_stock(w uuid, i text) RETURNS numeric LANGUAGE plpgsql SECURITY DEFINER
SET search_path = aid, pg_temp AS $$
DECLARE
  q numeric;
BEGIN
  INSERT INTO aid.stock (warehouse, item, on_hand) VALUES (w, i, 0) ON CONFLICT DO NOTHING;
  SELECT on_hand INTO q FROM aid.stock WHERE warehouse = w AND item = i FOR UPDATE;
  RETURN q;
END $$;

CREATE FUNCTION aid.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'aid.% is append-only: record a correcting movement instead', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER movement_is_append_only BEFORE UPDATE OR DELETE ON aid.movement
  FOR EACH ROW EXECUTE FUNCTION aid.refuse_change();
CREATE TRIGGER movement_is_never_truncated BEFORE TRUNCATE ON aid.movement
  FOR EACH STATEMENT EXECUTE FUNCTION aid.refuse_change();
CREATE TRIGGER stock_is_never_truncated BEFORE TRUNCATE ON aid.stock
  FOR EACH STATEMENT EXECUTE FUNCTION aid.refuse_change();

-- Requests of a facility, approved once or, above the thresholds, twice by different people.
CREATE TABLE aid.request (
  id                 uuid PRIMARY KEY,
  facility           uuid NOT NULL REFERENCES aid.facility (id),
  status             text NOT NULL CHECK (status IN ('REQUESTED', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'REJECTED',
                       'CANCELLED', 'CLOSED')),
  needed_by          date,
  note               text CHECK (length(note) <= 1000),
  requested_by       uuid NOT NULL,
  requested_at       timestamptz NOT NULL,
  first_approved_by  uuid,
  first_approved_at  timestamptz,
  second_approved_by uuid,
  second_approved_at timestamptz,
  decided_reason     text CHECK (length(decided_reason) <= 1000),
  updated_at         timestamptz NOT NULL,
  version            bigint NOT NULL,
  CHECK (second_approved_by IS NULL OR second_approved_by <> first_approved_by)
);
CREATE INDEX request_by_facility ON aid.request (facility);
CREATE INDEX request_by_status ON aid.request (status);

CREATE TABLE aid.request_line (
  request  uuid NOT NULL REFERENCES aid.request (id),
  item     text NOT NULL REFERENCES aid.item (code),
  quantity numeric(18, 3) NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (request, item)
);

CREATE TABLE aid.request_history (
  id         bigserial PRIMARY KEY,
  request    uuid NOT NULL REFERENCES aid.request (id),
  status     text NOT NULL,
  comment    text,
  changed_by uuid NOT NULL,
  role       text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX request_history_by_request ON aid.request_history (request, id);

-- Shipments from a warehouse to a facility; the receiver's confirmation is the proof of delivery.
CREATE TABLE aid.shipment (
  id            uuid PRIMARY KEY,
  request       uuid REFERENCES aid.request (id),
  warehouse     uuid NOT NULL REFERENCES aid.warehouse (id),
  facility      uuid NOT NULL REFERENCES aid.facility (id),
  carrier       text NOT NULL CHECK (length(carrier) BETWEEN 1 AND 200),
  vehicle       text NOT NULL CHECK (length(vehicle) BETWEEN 1 AND 60),
  status        text NOT NULL CHECK (status IN ('IN_TRANSIT', 'RECEIVED')),
  dispatched_on date NOT NULL,
  dispatched_by uuid NOT NULL,
  dispatched_at timestamptz NOT NULL,
  received_on   date,
  received_by   uuid,
  received_at   timestamptz,
  signed_by     text CHECK (length(signed_by) <= 200),
  version       bigint NOT NULL,
  CHECK ((status = 'RECEIVED') = (received_on IS NOT NULL)),
  CHECK (received_on IS NULL OR received_on >= dispatched_on)
);
COMMENT ON COLUMN aid.shipment.signed_by IS 'Who signed the delivery note at the facility, as signed (proof of delivery)';
CREATE INDEX shipment_by_facility ON aid.shipment (facility, dispatched_on);
CREATE INDEX shipment_by_request ON aid.shipment (request) WHERE request IS NOT NULL;

CREATE TABLE aid.shipment_line (
  shipment    uuid NOT NULL REFERENCES aid.shipment (id),
  item        text NOT NULL REFERENCES aid.item (code),
  dispatched  numeric(18, 3) NOT NULL CHECK (dispatched > 0),
  received    numeric(18, 3) CHECK (received >= 0),
  discrepancy text CHECK (length(discrepancy) <= 1000),
  PRIMARY KEY (shipment, item),
  CHECK (received IS NULL OR received = dispatched OR length(btrim(discrepancy)) > 0)
);

-- What each facility has received of each item, kept with each receipt: the dashboard reads this, not the history.
CREATE TABLE aid.delivered (
  facility   uuid NOT NULL REFERENCES aid.facility (id),
  item       text NOT NULL REFERENCES aid.item (code),
  day        date NOT NULL,
  quantity   numeric(18, 3) NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (facility, item, day)
);

-- Fuel on hand at a facility as read there (a dipstick, a meter), for the days of fuel left.
CREATE TABLE aid.fuel_reading (
  id          bigserial PRIMARY KEY,
  facility    uuid NOT NULL REFERENCES aid.facility (id),
  item        text NOT NULL REFERENCES aid.item (code),
  on_hand     numeric(18, 3) NOT NULL CHECK (on_hand >= 0),
  read_on     date NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX fuel_reading_by_facility ON aid.fuel_reading (facility, item, read_on);

-- Distribution rounds to households: each household of the registry at most once per round.
CREATE TABLE aid.distribution_round (
  id                 uuid PRIMARY KEY,
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  item               text NOT NULL REFERENCES aid.item (code),
  warehouse          uuid NOT NULL REFERENCES aid.warehouse (id),
  settlement         text NOT NULL,
  per_household      numeric(18, 3) NOT NULL CHECK (per_household >= 0),
  per_member         numeric(18, 3) NOT NULL CHECK (per_member >= 0),
  opens_on           date NOT NULL,
  closes_on          date NOT NULL,
  status             text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  created_by         uuid NOT NULL,
  created_at         timestamptz NOT NULL,
  CHECK (opens_on <= closes_on),
  CHECK (per_household + per_member > 0)
);
COMMENT ON COLUMN aid.distribution_round.per_member IS 'Entitlement = per_household + per_member × members';

CREATE TABLE aid.distribution (
  id               uuid PRIMARY KEY,
  round            uuid NOT NULL REFERENCES aid.distribution_round (id),
  household        uuid NOT NULL,
  canonical        uuid NOT NULL,
  members          integer NOT NULL CHECK (members > 0),
  quantity         numeric(18, 3) NOT NULL CHECK (quantity > 0),
  handed_on        date NOT NULL,
  method           text NOT NULL CHECK (method IN ('SIGNED_LIST', 'TABLET')),
  possible_duplicate_of uuid,
  flag_note        text CHECK (length(flag_note) <= 1000),
  recorded_by      uuid NOT NULL,
  recorded_at      timestamptz NOT NULL,
  UNIQUE (round, household),
  UNIQUE (round, canonical),
  CHECK (possible_duplicate_of IS NULL OR length(btrim(flag_note)) > 0)
);
COMMENT ON COLUMN aid.distribution.household IS 'registry.household id as chosen';
COMMENT ON COLUMN aid.distribution.canonical IS 'The household it is, following the registry''s merges: one per round';
COMMENT ON COLUMN aid.distribution.possible_duplicate_of IS 'A household of the round that the registry holds a likely duplicate of; handed out anyway with a note';

-- The field hospital's roster: staff, shifts and who works which.
CREATE TABLE aid.roster_member (
  id         uuid PRIMARY KEY,
  facility   uuid NOT NULL REFERENCES aid.facility (id),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role       text NOT NULL CHECK (role IN ('DOCTOR', 'NURSE', 'PARAMEDIC', 'PHARMACIST', 'INTERPRETER',
               'SUPPORT')),
  languages  text[] NOT NULL,
  active     boolean NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE aid.coverage_rule (
  facility uuid NOT NULL REFERENCES aid.facility (id),
  role     text NOT NULL,
  minimum  integer NOT NULL CHECK (minimum >= 0),
  PRIMARY KEY (facility, role)
);

CREATE TABLE aid.shift_assignment (
  facility    uuid NOT NULL REFERENCES aid.facility (id),
  day         date NOT NULL,
  shift       text NOT NULL CHECK (shift IN ('DAY', 'NIGHT')),
  member      uuid NOT NULL REFERENCES aid.roster_member (id),
  assigned_by uuid NOT NULL,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (day, shift, member)
);
CREATE INDEX shift_by_facility ON aid.shift_assignment (facility, day);

GRANT SELECT ON aid.item, aid.stock TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON aid.warehouse, aid.facility, aid.need, aid.request, aid.request_line, aid.shipment,
  aid.shipment_line, aid.delivered, aid.distribution_round, aid.roster_member, aid.coverage_rule TO ${app_role};
GRANT SELECT, INSERT ON aid.movement, aid.request_history, aid.fuel_reading, aid.distribution TO ${app_role};
GRANT SELECT, INSERT, DELETE ON aid.shift_assignment TO ${app_role};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA aid TO ${app_role};
