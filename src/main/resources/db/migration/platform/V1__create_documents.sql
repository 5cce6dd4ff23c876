CREATE SCHEMA platform;
GRANT USAGE ON SCHEMA platform TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA platform GRANT SELECT, INSERT ON TABLES TO ${app_role};

CREATE TABLE platform.document (
  id            uuid PRIMARY KEY,
  media_type    text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size          bigint NOT NULL CHECK (size > 0),
  sha256        text NOT NULL,
  original_name text NOT NULL,
  stored_at     timestamptz NOT NULL
);
COMMENT ON TABLE platform.document IS 'Uploaded files; the bytes live under HEARTH_DATA_DIR/documents/<id>. Append-only: a replaced document is a new row';
COMMENT ON COLUMN platform.document.media_type IS 'Decided from the content''s signature, not from the name or the browser''s claim';
COMMENT ON COLUMN platform.document.original_name IS 'Name as uploaded, shown to the people allowed to see the document; never used as a path';
