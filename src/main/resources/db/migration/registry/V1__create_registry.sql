CREATE SCHEMA registry;
GRANT USAGE ON SCHEMA registry TO ${app_role};

-- Households of displaced persons and their descendants, and the people in them.
CREATE TABLE registry.household (
  id          uuid PRIMARY KEY,
  origin      text,
  address     text,
  source      text NOT NULL,
  created_at  timestamptz NOT NULL
);
COMMENT ON COLUMN registry.household.origin IS 'Settlement of origin: gazetteer id';
COMMENT ON COLUMN registry.household.source IS 'How it entered the registry: registration, or import:<file id>';

CREATE TABLE registry.person (
  id              uuid PRIMARY KEY,
  household_id    uuid NOT NULL REFERENCES registry.household (id),
  head            boolean NOT NULL,
  given_name      text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 200),
  family_name     text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
  patronymic      text CHECK (length(patronymic) <= 200),
  latin_given     text NOT NULL,
  latin_family    text NOT NULL,
  given_key       text NOT NULL,
  family_key      text NOT NULL,
  birth_date      date,
  birth_place     text,
  birth_place_key text,
  displaced_year  smallint CHECK (displaced_year BETWEEN 1988 AND 1994),
  created_at      timestamptz NOT NULL
);
CREATE INDEX person_by_family_key ON registry.person (family_key, given_key);
CREATE INDEX person_by_given_key ON registry.person (given_key);
CREATE INDEX person_by_household ON registry.person (household_id);
CREATE UNIQUE INDEX one_head_per_household ON registry.person (household_id) WHERE head;
COMMENT ON TABLE registry.person IS 'Names as written, their Latin transliteration, and Scripts.nameKey of each: the key finds a name in any script';

GRANT SELECT, INSERT, UPDATE ON registry.household, registry.person TO ${app_role};
