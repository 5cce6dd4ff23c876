CREATE SCHEMA transparency;
GRANT USAGE ON SCHEMA transparency TO ${app_role};

-- The public, tamper-evident log: RFC 9162 Merkle tree over the leaves, signed checkpoints.
CREATE TABLE transparency.head (
  id   int PRIMARY KEY CHECK (id = 1),
  size bigint NOT NULL CHECK (size >= 0)
);
COMMENT ON TABLE transparency.head IS 'Size of the log; its row is locked by every append, so that appends are numbered without gaps';
INSERT INTO transparency.head VALUES (1, 0);

CREATE TABLE transparency.leaf (
  idx         bigint PRIMARY KEY CHECK (idx >= 0),
  data        bytea NOT NULL,
  hash        bytea NOT NULL CHECK (length(hash) = 32),
  appended_at timestamptz NOT NULL
);
CREATE INDEX leaf_by_hash ON transparency.leaf (hash);
COMMENT ON TABLE transparency.leaf IS 'Log entries in the canonical format of docs/transparency.md; public, no personal data';
COMMENT ON COLUMN transparency.leaf.hash IS 'RFC 9162 leaf hash: SHA-256(0x00 || data)';

CREATE TABLE transparency.node (
  level smallint NOT NULL CHECK (level >= 0 AND level < 64),
  idx   bigint NOT NULL CHECK (idx >= 0),
  hash  bytea NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, idx)
);
COMMENT ON TABLE transparency.node IS 'Hash of each complete subtree: 2^level leaves from leaf idx*2^level. Roots and proofs read O(log n) of these';

CREATE TABLE transparency.leaf_subject (
  idx         bigint PRIMARY KEY REFERENCES transparency.leaf (idx),
  entity_type text NOT NULL,
  entity_id   uuid NOT NULL,
  salt        bytea NOT NULL CHECK (length(salt) = 32)
);
CREATE INDEX leaf_subject_by_entity ON transparency.leaf_subject (entity_type, entity_id);
COMMENT ON TABLE transparency.leaf_subject IS 'Private: which record an entry is about, and the salt of its commitment (revealed only to prove content)';

CREATE TABLE transparency.checkpoint (
  size      bigint PRIMARY KEY CHECK (size > 0),
  root      bytea NOT NULL CHECK (length(root) = 32),
  note      text NOT NULL,
  signed_at timestamptz NOT NULL
);
COMMENT ON TABLE transparency.checkpoint IS 'Signed checkpoints (c2sp.org/tlog-checkpoint), each consistent with the one before';

CREATE TABLE transparency.cosignature (
  size      bigint NOT NULL REFERENCES transparency.checkpoint (size),
  witness   text NOT NULL,
  line      text NOT NULL,
  added_at  timestamptz NOT NULL,
  PRIMARY KEY (size, witness)
);
COMMENT ON TABLE transparency.cosignature IS 'Observers'' cosignatures of checkpoints (c2sp.org/tlog-cosignature)';

CREATE TABLE transparency.secret (
  name  text PRIMARY KEY,
  value bytea NOT NULL
);
COMMENT ON TABLE transparency.secret IS 'Keys that never leave the database: the key of opaque entity references';
-- 32 bytes from two random UUIDs (PostgreSQL's gen_random_uuid uses a cryptographic generator; 244 random bits).
INSERT INTO transparency.secret
  VALUES ('entity-reference', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- Who opened whose file, for the person concerned and the data protection officer.
CREATE TABLE transparency.access (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_type text NOT NULL,
  subject_id   uuid NOT NULL,
  account_id   uuid NOT NULL,
  role         text NOT NULL,
  office       text,
  purpose      text NOT NULL,
  action       text NOT NULL CHECK (action IN ('OPEN', 'DOCUMENT', 'SEARCH', 'LETTER')),
  at           timestamptz NOT NULL
);
CREATE INDEX access_by_subject ON transparency.access (subject_type, subject_id, at);
CREATE INDEX access_by_account ON transparency.access (account_id, at);
COMMENT ON TABLE transparency.access IS 'Every time staff open a person''s record, download their document or find them: append-only';

GRANT SELECT ON transparency.head, transparency.secret TO ${app_role};
GRANT UPDATE ON transparency.head TO ${app_role};
GRANT SELECT, INSERT ON transparency.leaf, transparency.node, transparency.leaf_subject, transparency.checkpoint,
  transparency.cosignature, transparency.access TO ${app_role};

CREATE FUNCTION transparency.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'transparency.%: rows are never changed or deleted', TG_TABLE_NAME;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['leaf', 'node', 'leaf_subject', 'checkpoint', 'cosignature', 'access'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_append_only BEFORE UPDATE OR DELETE ON transparency.%1$s
                    FOR EACH ROW EXECUTE FUNCTION transparency.refuse_change()', t);
    EXECUTE format('CREATE TRIGGER %1$s_never_truncated BEFORE TRUNCATE ON transparency.%1$s
                    FOR EACH STATEMENT EXECUTE FUNCTION transparency.refuse_change()', t);
  END LOOP;
END $$;
