CREATE SCHEMA services;
GRANT USAGE ON SCHEMA services TO ${app_role};

CREATE TABLE services.definition_version (
  code       text NOT NULL,
  version    int NOT NULL CHECK (version > 0),
  sha256     text NOT NULL,
  definition jsonb NOT NULL,
  source     text NOT NULL,
  loaded_at  timestamptz NOT NULL,
  PRIMARY KEY (code, version),
  UNIQUE (code, sha256)
);
COMMENT ON TABLE services.definition_version IS 'Every distinct content of a service definition file; applications refer to (code, version) and keep their version when the file changes. Append-only';
COMMENT ON COLUMN services.definition_version.definition IS 'The parsed definition as JSON, as the engine reads it';
COMMENT ON COLUMN services.definition_version.source IS 'The YAML file as it was, for audit';

-- Versions are added at start-up and never changed: the application role may read and add, not alter.
GRANT SELECT, INSERT ON services.definition_version TO ${app_role};
