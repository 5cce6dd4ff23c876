CREATE SCHEMA statistics;
GRANT USAGE ON SCHEMA statistics TO ${app_role};

-- A dated release of the open data: every table as published (small counts already shown as such), never the
-- counts behind it. One a day at most, so that figures change only from one release to the next and repeated
-- downloads cannot be compared to unmask a small change. Never changed or deleted.
CREATE TABLE statistics.release (
  released_on date PRIMARY KEY,
  cutoff      timestamptz NOT NULL,
  threshold   int NOT NULL CHECK (threshold >= 5),
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  tables      jsonb NOT NULL
);
COMMENT ON TABLE statistics.release IS 'Published open data, one snapshot per day; figures only as published (after small-cell suppression)';
COMMENT ON COLUMN statistics.release.created_by IS 'SCHEDULE, or the role of who published it by hand';

-- Figures from outside the system (the population before September 2023, how many left), each with its source.
-- A correction is a new row for the same measure; the latest one is shown, every one is kept.
CREATE TABLE statistics.population_figure (
  id          bigserial PRIMARY KEY,
  measure     text NOT NULL CHECK (measure IN ('population-before-2023-09', 'left-2023', 'displaced-1988-1994')),
  value       bigint NOT NULL CHECK (value >= 0),
  as_of       date NOT NULL,
  source      text NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 500),
  source_url  text CHECK (source_url ~ '^https?://' AND length(source_url) <= 500),
  entered_by  uuid NOT NULL,
  entered_at  timestamptz NOT NULL
);
CREATE INDEX population_figure_latest ON statistics.population_figure (measure, id DESC);

CREATE FUNCTION statistics.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'statistics.%: rows are never changed or deleted', TG_TABLE_NAME;
END $$;
CREATE TRIGGER release_is_append_only BEFORE UPDATE OR DELETE ON statistics.release
  FOR EACH ROW EXECUTE FUNCTION statistics.refuse_change();
CREATE TRIGGER release_is_never_truncated BEFORE TRUNCATE ON statistics.release
  FOR EACH STATEMENT EXECUTE FUNCTION statistics.refuse_change();
CREATE TRIGGER population_figure_is_append_only BEFORE UPDATE OR DELETE ON statistics.population_figure
  FOR EACH ROW EXECUTE FUNCTION statistics.refuse_change();
CREATE TRIGGER population_figure_is_never_truncated BEFORE TRUNCATE ON statistics.population_figure
  FOR EACH STATEMENT EXECUTE FUNCTION statistics.refuse_change();

GRANT SELECT, INSERT ON statistics.release, statistics.population_figure TO ${app_role};
GRANT USAGE ON SEQUENCE statistics.population_figure_id_seq TO ${app_role};
