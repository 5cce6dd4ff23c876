-- What an incident's report must not show to observers or the public: who was involved, a witness's contact. The
-- description says what happened without naming people; names go here, where only the dialogue secretariat reads
-- them. Only ever added to.
CREATE TABLE monitoring.incident_confidential (
  id          bigserial PRIMARY KEY,
  incident    uuid NOT NULL REFERENCES monitoring.incident (id),
  note        text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 4000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL
);
COMMENT ON TABLE monitoring.incident_confidential IS 'Personal details of an incident (names, contacts): the dialogue secretariat only, never observers, never public';
CREATE INDEX incident_confidential_by_incident ON monitoring.incident_confidential (incident, id);

CREATE TRIGGER incident_confidential_is_append_only BEFORE UPDATE OR DELETE ON monitoring.incident_confidential
  FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_confidential_is_never_truncated BEFORE TRUNCATE ON monitoring.incident_confidential
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring.refuse_change();

GRANT SELECT, INSERT ON monitoring.incident_confidential TO ${app_role};
GRANT USAGE ON SEQUENCE monitoring.incident_confidential_id_seq TO ${app_role};
