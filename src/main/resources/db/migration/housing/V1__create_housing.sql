CREATE SCHEMA housing;
GRANT USAGE ON SCHEMA housing TO ${app_role};

-- How ready a settlement is to receive families. One row per settlement that the programme builds in.
CREATE TABLE housing.settlement_readiness (
  settlement           text PRIMARY KEY,
  construction_percent smallint NOT NULL CHECK (construction_percent BETWEEN 0 AND 100),
  water                boolean NOT NULL,
  electricity          boolean NOT NULL,
  gas                  boolean NOT NULL,
  school               boolean NOT NULL,
  clinic               boolean NOT NULL,
  updated_at           timestamptz NOT NULL,
  updated_by           uuid NOT NULL
);
COMMENT ON COLUMN housing.settlement_readiness.settlement IS 'gazetteer.settlement id';

-- Mine action: areas (sectors of a settlement) as the mine-action database knows them.
CREATE TABLE housing.area (
  id          uuid PRIMARY KEY,
  reference   text NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 60),
  settlement  text NOT NULL,
  sector      text NOT NULL CHECK (length(sector) BETWEEN 1 AND 200),
  status      text NOT NULL CHECK (status IN ('SUSPECTED_HAZARD', 'CONFIRMED_HAZARD', 'RELEASED')),
  certificate text CHECK (length(certificate) <= 100),
  released_on date,
  updated_at  timestamptz NOT NULL,
  version     bigint NOT NULL,
  CHECK ((status = 'RELEASED') = (certificate IS NOT NULL AND released_on IS NOT NULL))
);
COMMENT ON TABLE housing.area IS 'Hazard areas or sectors; a unit may be offered or allocated only while its area is RELEASED';
COMMENT ON COLUMN housing.area.reference IS 'The area''s id in the mine-action database (e.g. IMSMA); import key';
COMMENT ON COLUMN housing.area.certificate IS 'Reference of the release (handover) certificate';
CREATE INDEX area_by_settlement ON housing.area (settlement);

CREATE TABLE housing.area_history (
  id          bigserial PRIMARY KEY,
  area_id     uuid NOT NULL REFERENCES housing.area (id),
  status      text NOT NULL,
  certificate text,
  released_on date,
  source      text NOT NULL,
  changed_by  uuid,
  changed_at  timestamptz NOT NULL
);
CREATE INDEX area_history_by_area ON housing.area_history (area_id, changed_at);

CREATE TABLE housing.unit (
  id         uuid PRIMARY KEY,
  settlement text NOT NULL,
  area_id    uuid NOT NULL REFERENCES housing.area (id),
  address    text NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  rooms      smallint NOT NULL CHECK (rooms BETWEEN 1 AND 12),
  floor_area numeric(6, 1) NOT NULL CHECK (floor_area > 0 AND floor_area < 1000),
  step_free  boolean NOT NULL,
  status     text NOT NULL CHECK (status IN ('PLANNED', 'UNDER_CONSTRUCTION', 'READY', 'OFFERED', 'ALLOCATED',
               'OCCUPIED')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version    bigint NOT NULL
);
CREATE INDEX unit_by_settlement ON housing.unit (settlement, status);
CREATE INDEX unit_by_area ON housing.unit (area_id);

-- Households admitted to the programme: an approved Great Return registration.
CREATE TABLE housing.household (
  id                 uuid PRIMARY KEY,
  application_id     uuid NOT NULL UNIQUE,
  account            uuid NOT NULL,
  registry_household uuid,
  size               smallint NOT NULL CHECK (size BETWEEN 1 AND 30),
  needs              text[] NOT NULL,
  needs_step_free    boolean NOT NULL,
  preferences        text[] NOT NULL CHECK (cardinality(preferences) BETWEEN 1 AND 4),
  preferred_rooms    smallint CHECK (preferred_rooms BETWEEN 1 AND 12),
  registered_on      date NOT NULL,
  status             text NOT NULL CHECK (status IN ('WAITING', 'OFFERED', 'ALLOCATED', 'MOVED_IN', 'WITHDRAWN')),
  updated_at         timestamptz NOT NULL,
  version            bigint NOT NULL
);
COMMENT ON COLUMN housing.household.preferences IS 'gazetteer.settlement ids: origin first, then up to three alternatives';
COMMENT ON COLUMN housing.household.needs IS 'disability, elderly, serious-illness, single-parent: vulnerability points of the priority formula';
CREATE INDEX household_by_account ON housing.household (account);
CREATE INDEX household_waiting ON housing.household (status) WHERE status = 'WAITING';

-- Allocation rounds: what went in, with which formula and algorithm, and what came out, each committed by hash.
CREATE TABLE housing.round (
  id                uuid PRIMARY KEY,
  number            int NOT NULL UNIQUE,
  settlements       text[] NOT NULL,
  started_by        uuid NOT NULL,
  started_at        timestamptz NOT NULL,
  algorithm_version text NOT NULL,
  input             bytea NOT NULL,
  input_hash        text NOT NULL,
  result            bytea NOT NULL,
  result_hash       text NOT NULL,
  households        int NOT NULL,
  units             int NOT NULL,
  assigned          int NOT NULL
);
COMMENT ON COLUMN housing.round.input IS 'Canonical JSON of the round''s input (pseudonymous ids, no personal data): what verify-round re-runs';

CREATE TABLE housing.round_entry (
  round_id        uuid NOT NULL REFERENCES housing.round (id),
  household_id    uuid NOT NULL REFERENCES housing.household (id),
  pseudonym       text NOT NULL,
  priority        int NOT NULL,
  points          jsonb NOT NULL,
  unit_id         uuid REFERENCES housing.unit (id),
  preference_rank smallint,
  position        int NOT NULL,
  PRIMARY KEY (round_id, household_id)
);
COMMENT ON COLUMN housing.round_entry.points IS 'The priority''s parts, shown to the household with its score';
COMMENT ON COLUMN housing.round_entry.position IS 'Place by priority among the round''s households, 1 = most urgent';
CREATE INDEX round_entry_by_household ON housing.round_entry (household_id);

CREATE TABLE housing.offer (
  id               uuid PRIMARY KEY,
  round_id         uuid REFERENCES housing.round (id),
  household_id     uuid NOT NULL REFERENCES housing.household (id),
  unit_id          uuid NOT NULL REFERENCES housing.unit (id),
  status           text NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'SUSPENDED',
                     'HANDED_OVER')),
  offered_at       timestamptz NOT NULL,
  deadline         date NOT NULL,
  responded_at     timestamptz,
  decline_reason   text CHECK (decline_reason IN ('too-small', 'too-far', 'not-accessible', 'condition',
                     'personal', 'other')),
  decline_comment  text CHECK (length(decline_comment) <= 1000),
  suspended_reason text,
  keys_handed_on   date,
  moved_in_on      date,
  version          bigint NOT NULL
);
-- The database, not only the code, guarantees one live offer per unit and per household: 50 simultaneous attempts
-- to offer or accept one unit end in one allocation.
CREATE UNIQUE INDEX one_live_offer_per_unit ON housing.offer (unit_id)
  WHERE status IN ('OPEN', 'ACCEPTED', 'HANDED_OVER');
CREATE UNIQUE INDEX one_live_offer_per_household ON housing.offer (household_id)
  WHERE status IN ('OPEN', 'ACCEPTED', 'HANDED_OVER');
CREATE INDEX offer_open_by_deadline ON housing.offer (deadline) WHERE status = 'OPEN';

CREATE TABLE housing.offer_history (
  id         bigserial PRIMARY KEY,
  offer_id   uuid NOT NULL REFERENCES housing.offer (id),
  status     text NOT NULL,
  note       text,
  role       text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX offer_history_by_offer ON housing.offer_history (offer_id, changed_at);

-- A descendant's registration names the displaced parent or grandparent; a caseworker links that person's record.
CREATE TABLE housing.ancestor_link (
  application_id uuid PRIMARY KEY,
  person_id      uuid NOT NULL,
  linked_by      uuid NOT NULL,
  linked_at      timestamptz NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON housing.settlement_readiness, housing.area, housing.unit, housing.household,
  housing.offer, housing.ancestor_link TO ${app_role};
GRANT DELETE ON housing.ancestor_link TO ${app_role};
GRANT SELECT, INSERT ON housing.area_history, housing.round, housing.round_entry, housing.offer_history
  TO ${app_role};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA housing TO ${app_role};

-- The programme's one unbreakable rule, kept by the database as well as by the code: a unit is offered or
-- allocated only while its area is released, and an area cannot leave RELEASED while such a unit is in it (the
-- code suspends the offers first, in the same transaction). FOR SHARE makes an offer and a status change of the
-- area wait for each other instead of both passing.
CREATE FUNCTION housing.unit_needs_released_area() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('OFFERED', 'ALLOCATED') THEN
    PERFORM 1 FROM housing.area WHERE id = NEW.area_id AND status = 'RELEASED' FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'unit % is in an area that is not released', NEW.id USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER unit_needs_released_area BEFORE INSERT OR UPDATE ON housing.unit
  FOR EACH ROW EXECUTE FUNCTION housing.unit_needs_released_area();

CREATE FUNCTION housing.area_keeps_offered_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'RELEASED' AND EXISTS (
      SELECT 1 FROM housing.unit WHERE area_id = NEW.id AND status IN ('OFFERED', 'ALLOCATED')) THEN
    RAISE EXCEPTION 'area % still has offered or allocated units', NEW.reference USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER area_keeps_offered_units BEFORE UPDATE ON housing.area
  FOR EACH ROW EXECUTE FUNCTION housing.area_keeps_offered_units();
