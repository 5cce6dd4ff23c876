-- Reference data: rows come only from the repeatable migration db.migration.gazetteer.R__Load_gazetteer, which
-- loads src/main/resources/gazetteer/*.csv. The application reads; it never writes here.
CREATE SCHEMA gazetteer;
GRANT USAGE ON SCHEMA gazetteer TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA gazetteer GRANT SELECT ON TABLES TO ${app_role};

CREATE TABLE gazetteer.district (
  code   text PRIMARY KEY CHECK (code ~ '^AZ-[A-Z]{2,3}$'),
  names  jsonb NOT NULL CHECK (names ?& ARRAY['hy', 'az', 'ru', 'en']),
  centre text NOT NULL
);
COMMENT ON TABLE gazetteer.district IS 'Districts (rayons and cities of district rank) of the region, as in Azerbaijan''s administrative division';
COMMENT ON COLUMN gazetteer.district.code IS 'ISO 3166-2:AZ code; Ağdərə has none and is filed under AZ-TAR (see gazetteer/README.md)';
COMMENT ON COLUMN gazetteer.district.names IS 'Name in hy, az, ru and en; hy is the Armenian community''s name of the district';
COMMENT ON COLUMN gazetteer.district.centre IS 'The settlement that is the district''s centre';

CREATE TABLE gazetteer.settlement (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  district    text NOT NULL REFERENCES gazetteer.district (code),
  kind        text NOT NULL CHECK (kind IN ('city', 'town', 'village')),
  names       jsonb NOT NULL CHECK (names ?& ARRAY['hy', 'az', 'ru', 'en']),
  other_names text[] NOT NULL DEFAULT '{}',
  lat         numeric CHECK (lat BETWEEN -90 AND 90),
  lon         numeric CHECK (lon BETWEEN -180 AND 180),
  CHECK ((lat IS NULL) = (lon IS NULL))
);
COMMENT ON TABLE gazetteer.settlement IS 'Cities, towns and villages; never deleted, since applications and registry entries refer to them by id';
COMMENT ON COLUMN gazetteer.settlement.id IS 'Stable lowercase ASCII slug; other modules store it, so it never changes';
COMMENT ON COLUMN gazetteer.settlement.district IS 'ISO 3166-2:AZ code of the district the settlement belongs to today';
COMMENT ON COLUMN gazetteer.settlement.kind IS 'city (şəhər), town (qəsəbə) or village (kənd)';
COMMENT ON COLUMN gazetteer.settlement.names IS 'Name in hy (the Armenian community''s name), az (official), ru and en (forms of the official name)';
COMMENT ON COLUMN gazetteer.settlement.other_names IS 'Further names and spellings of both communities in any script, including Soviet-era forms; all searchable';
COMMENT ON COLUMN gazetteer.settlement.lat IS 'Approximate WGS84 latitude in decimal degrees; for a map marker, not for survey';
COMMENT ON COLUMN gazetteer.settlement.lon IS 'Approximate WGS84 longitude in decimal degrees; for a map marker, not for survey';

-- The two tables refer to each other; deferred, so that the loader can write districts before their centres.
ALTER TABLE gazetteer.district ADD CONSTRAINT district_centre_fkey
  FOREIGN KEY (centre) REFERENCES gazetteer.settlement (id) DEFERRABLE INITIALLY DEFERRED;
