CREATE SCHEMA identity;
GRANT USAGE ON SCHEMA identity TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA identity GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA identity GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

CREATE TABLE identity.office (
  code      text PRIMARY KEY,
  name      jsonb NOT NULL,
  districts text[] NOT NULL DEFAULT '{}',
  fallback  boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE identity.office IS 'Offices of the agency; cases are routed to the office serving the district of the applicant''s previous residence';
COMMENT ON COLUMN identity.office.name IS 'Name in hy, az, ru and en';
COMMENT ON COLUMN identity.office.districts IS 'ISO 3166-2:AZ codes of the districts this office serves';
COMMENT ON COLUMN identity.office.fallback IS 'Receives cases whose district no office serves; exactly one office';
CREATE UNIQUE INDEX office_one_fallback ON identity.office (fallback) WHERE fallback;

INSERT INTO identity.office (code, name, districts, fallback) VALUES
  ('KHA', '{"hy": "Ստեփանակերտի (Խանքենդիի) գրասենյակ", "az": "Xankəndi ofisi", "ru": "Офис в Ханкенди", "en": "Khankendi office"}',
   '{AZ-XA,AZ-XCI,AZ-XVD,AZ-AGM,AZ-TAR,AZ-AGC,AZ-BAR,AZ-GOR}', true),
  ('SHU', '{"hy": "Շուշիի (Շուշայի) գրասենյակ", "az": "Şuşa ofisi", "ru": "Офис в Шуше", "en": "Shusha office"}',
   '{AZ-SUS,AZ-LAC,AZ-KAL,AZ-QBI,AZ-ZAN,AZ-CAB,AZ-FUZ}', false);

CREATE TABLE identity.account (
  id             uuid PRIMARY KEY,
  email          text NOT NULL UNIQUE CHECK (email = lower(email)),
  password_hash  text NOT NULL,
  status         text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
  roles          text[] NOT NULL CHECK (cardinality(roles) > 0),
  office         text REFERENCES identity.office (code),
  language       text NOT NULL CHECK (language IN ('hy', 'az', 'ru', 'en')),
  totp_secret    text,
  totp_confirmed boolean NOT NULL DEFAULT false,
  demo           boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  confirmed_at   timestamptz
);
COMMENT ON COLUMN identity.account.password_hash IS 'Argon2id, in Spring Security''s encoded form';
COMMENT ON COLUMN identity.account.totp_secret IS 'TOTP secret, AES-GCM encrypted with a key derived from HEARTH_SECRET';
COMMENT ON COLUMN identity.account.language IS 'Language of e-mails and letters to this person';
COMMENT ON COLUMN identity.account.demo IS 'Created by the demo profile; the prod profile refuses to start while any exists';

CREATE TABLE identity.email_confirmation (
  token_hash bytea PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES identity.account (id),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
COMMENT ON TABLE identity.email_confirmation IS 'Links sent to confirm an e-mail address; only a keyed hash of the token is kept';

CREATE TABLE identity.login_failure (
  key_hash  bytea NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX login_failure_by_key ON identity.login_failure (key_hash, failed_at);
COMMENT ON TABLE identity.login_failure IS 'Failed sign-ins by keyed hash of the account e-mail or client address, for throttling; no address is stored';

CREATE TABLE identity.api_token (
  token_hash bytea PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES identity.account (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
COMMENT ON TABLE identity.api_token IS 'Bearer tokens of /api/v1 clients; only a keyed hash is kept';

-- Spring Session JDBC: sessions live in the database so that instances are interchangeable and sign-out is
-- server-side. Same layout as Spring Session's own schema, wider principal name for long e-mail addresses.
CREATE TABLE identity.http_session (
  primary_id            char(36) PRIMARY KEY,
  session_id            char(36) NOT NULL UNIQUE,
  creation_time         bigint NOT NULL,
  last_access_time      bigint NOT NULL,
  max_inactive_interval int NOT NULL,
  expiry_time           bigint NOT NULL,
  principal_name        varchar(320)
);
CREATE INDEX http_session_by_expiry ON identity.http_session (expiry_time);
CREATE INDEX http_session_by_principal ON identity.http_session (principal_name);

CREATE TABLE identity.http_session_attributes (
  session_primary_id char(36) NOT NULL REFERENCES identity.http_session (primary_id) ON DELETE CASCADE,
  attribute_name     varchar(200) NOT NULL,
  attribute_bytes    bytea NOT NULL,
  PRIMARY KEY (session_primary_id, attribute_name)
);
