-- Likely duplicates, as the finder proposed them, and what a caseworker decided. A merge deletes nothing: the
-- merged record points to the one it was merged into, and the decision says who merged and why.
ALTER TABLE registry.person ADD COLUMN merged_into uuid REFERENCES registry.person (id);
ALTER TABLE registry.person ADD CONSTRAINT not_merged_into_itself CHECK (merged_into <> id);

CREATE TABLE registry.duplicate (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  first_id    uuid NOT NULL REFERENCES registry.person (id),
  second_id   uuid NOT NULL REFERENCES registry.person (id),
  score       numeric(4, 3) NOT NULL CHECK (score BETWEEN 0 AND 1),
  reasons     text[] NOT NULL,
  found_at    timestamptz NOT NULL,
  status      text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MERGED', 'DISMISSED')),
  survivor_id uuid REFERENCES registry.person (id),
  decided_by  uuid,
  decided_at  timestamptz,
  explanation text CHECK (length(explanation) <= 2000),
  CHECK (first_id < second_id),
  CHECK ((status = 'OPEN') = (decided_at IS NULL)),
  CHECK ((status = 'MERGED') = (survivor_id IS NOT NULL)),
  UNIQUE (first_id, second_id)
);
CREATE INDEX duplicate_open ON registry.duplicate (score DESC, id) WHERE status = 'OPEN';

GRANT SELECT, INSERT, UPDATE ON registry.duplicate TO ${app_role};
