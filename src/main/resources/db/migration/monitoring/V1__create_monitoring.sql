CREATE SCHEMA monitoring;
GRANT USAGE ON SCHEMA monitoring TO ${app_role};

-- Religious and cultural heritage sites, named as every community names them: all four names are required.
CREATE TABLE monitoring.site (
  id          uuid PRIMARY KEY,
  name_hy     text NOT NULL CHECK (length(btrim(name_hy)) BETWEEN 1 AND 200),
  name_az     text NOT NULL CHECK (length(btrim(name_az)) BETWEEN 1 AND 200),
  name_ru     text NOT NULL CHECK (length(btrim(name_ru)) BETWEEN 1 AND 200),
  name_en     text NOT NULL CHECK (length(btrim(name_en)) BETWEEN 1 AND 200),
  kind        text NOT NULL CHECK (kind IN ('CHURCH', 'MOSQUE', 'MONASTERY', 'CEMETERY', 'MONUMENT', 'MUSEUM',
                'OTHER')),
  settlement  text NOT NULL,
  latitude    numeric(8, 5) CHECK (latitude BETWEEN -90 AND 90),
  longitude   numeric(8, 5) CHECK (longitude BETWEEN -180 AND 180),
  protection  text NOT NULL CHECK (protection IN ('INTERNATIONAL_LIST', 'NATIONAL_REGISTER', 'LOCAL_REGISTER', 'NONE',
                'UNKNOWN')),
  created_by  uuid NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  version     bigint NOT NULL,
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
COMMENT ON TABLE monitoring.site IS 'Heritage sites: names in the four languages, each community''s name for the place';
COMMENT ON COLUMN monitoring.site.settlement IS 'gazetteer.settlement id: the nearest settlement the gazetteer holds';
COMMENT ON COLUMN monitoring.site.protection IS 'Protection status as recorded, without naming whose register';

-- Dated condition assessments: only ever added to. A correction is a new assessment that names the one it corrects.
CREATE TABLE monitoring.assessment (
  id            uuid PRIMARY KEY,
  site          uuid NOT NULL REFERENCES monitoring.site (id),
  condition     text NOT NULL CHECK (condition IN ('INTACT', 'DAMAGED', 'DESTROYED', 'RESTORED')),
  assessed_on   date NOT NULL,
  organisation  text NOT NULL CHECK (length(btrim(organisation)) BETWEEN 1 AND 200),
  assessor_role text NOT NULL CHECK (length(btrim(assessor_role)) BETWEEN 1 AND 200),
  notes         text CHECK (length(notes) <= 4000),
  corrects      uuid REFERENCES monitoring.assessment (id),
  recorded_by   uuid NOT NULL,
  recorded_role text NOT NULL,
  recorded_at   timestamptz NOT NULL,
  UNIQUE (id, site)
);
COMMENT ON COLUMN monitoring.assessment.organisation IS 'The assessing organisation (a mission, an expert body): public; never a private person';
COMMENT ON COLUMN monitoring.assessment.assessor_role IS 'The assessor''s role in it (heritage expert, patrol team): public';
COMMENT ON COLUMN monitoring.assessment.notes IS 'Staff only: never on the public pages';
COMMENT ON COLUMN monitoring.assessment.corrects IS 'The assessment this one corrects; the corrected one stays on the record';
CREATE INDEX assessment_by_site ON monitoring.assessment (site, assessed_on DESC, recorded_at DESC);

-- Photos of an assessment: re-encoded without their metadata (EXIF, GPS) before they were stored.
CREATE TABLE monitoring.assessment_photo (
  document   uuid PRIMARY KEY,
  assessment uuid NOT NULL REFERENCES monitoring.assessment (id),
  position   integer NOT NULL CHECK (position BETWEEN 1 AND 20),
  UNIQUE (assessment, position)
);
COMMENT ON COLUMN monitoring.assessment_photo.document IS 'platform.document id; the public photo endpoint serves only documents listed here';

-- Observer visits: scheduled, then completed (with a report, optionally an assessment) or cancelled.
CREATE TABLE monitoring.visit (
  id             uuid PRIMARY KEY,
  site           uuid NOT NULL REFERENCES monitoring.site (id),
  planned_on     date NOT NULL,
  purpose        text NOT NULL CHECK (length(btrim(purpose)) BETWEEN 1 AND 1000),
  status         text NOT NULL CHECK (status IN ('SCHEDULED', 'COMPLETED', 'CANCELLED')),
  scheduled_by   uuid NOT NULL,
  scheduled_role text NOT NULL,
  scheduled_at   timestamptz NOT NULL,
  completed_on   date,
  outcome        text CHECK (length(outcome) <= 4000),
  assessment     uuid,
  closed_by      uuid,
  closed_at      timestamptz,
  FOREIGN KEY (assessment, site) REFERENCES monitoring.assessment (id, site),
  CHECK (status <> 'COMPLETED' OR (completed_on IS NOT NULL AND length(btrim(coalesce(outcome, ''))) > 0)),
  CHECK (status <> 'CANCELLED' OR length(btrim(coalesce(outcome, ''))) > 0),
  CHECK (status = 'COMPLETED' OR (completed_on IS NULL AND assessment IS NULL)),
  CHECK ((status = 'SCHEDULED') = (closed_at IS NULL))
);
COMMENT ON COLUMN monitoring.visit.outcome IS 'The report of a completed visit or why it was cancelled: staff only';
COMMENT ON COLUMN monitoring.visit.assessment IS 'The assessment the visit reported, of the same site';
CREATE INDEX visit_by_site ON monitoring.visit (site, planned_on);

-- Incidents. Their facts are never edited: only the verification status (and the version) changes, and only
-- along the lifecycle the trigger below allows, each change with its row in incident_history.
CREATE TABLE monitoring.incident (
  id               uuid PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('CEASEFIRE_VIOLATION', 'THREAT', 'PROPERTY_DAMAGE',
                     'HERITAGE_DAMAGE', 'MINE_UXO', 'OTHER')),
  occurred_at      timestamptz NOT NULL,
  reported_at      timestamptz NOT NULL,
  settlement       text NOT NULL,
  latitude         numeric(8, 5) CHECK (latitude BETWEEN -90 AND 90),
  longitude        numeric(8, 5) CHECK (longitude BETWEEN -180 AND 180),
  description      text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 4000),
  source_kind      text NOT NULL CHECK (source_kind IN ('OBSERVER_PATROL', 'LOCAL_REPORT', 'MEDIA',
                     'AUTHORITY_STATEMENT', 'OTHER')),
  source_reference text CHECK (length(source_reference) <= 500),
  status           text NOT NULL CHECK (status IN ('UNVERIFIED', 'VERIFIED', 'DISPUTED', 'UNFOUNDED')),
  recorded_by      uuid NOT NULL,
  recorded_role    text NOT NULL,
  recorded_at      timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  version          bigint NOT NULL,
  CHECK (reported_at >= occurred_at),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
COMMENT ON COLUMN monitoring.incident.description IS 'Free text that may name people: observers and the secretariat only, never public';
COMMENT ON COLUMN monitoring.incident.source_reference IS 'Which patrol, report, article or statement: staff only';
COMMENT ON COLUMN monitoring.incident.latitude IS 'Optional point; the public summary never goes finer than counts by type, month and status';
CREATE INDEX incident_by_occurrence ON monitoring.incident (occurred_at DESC);
CREATE INDEX incident_by_status ON monitoring.incident (status, occurred_at DESC);

CREATE TABLE monitoring.incident_site (
  incident uuid NOT NULL REFERENCES monitoring.incident (id),
  site     uuid NOT NULL REFERENCES monitoring.site (id),
  PRIMARY KEY (incident, site)
);
CREATE INDEX incident_site_by_site ON monitoring.incident_site (site);

CREATE TABLE monitoring.incident_facility (
  incident uuid NOT NULL REFERENCES monitoring.incident (id),
  facility uuid NOT NULL,
  PRIMARY KEY (incident, facility)
);
COMMENT ON COLUMN monitoring.incident_facility.facility IS 'aid.facility id, checked through the aid module when recorded';

CREATE TABLE monitoring.incident_history (
  id         bigserial PRIMARY KEY,
  incident   uuid NOT NULL REFERENCES monitoring.incident (id),
  status     text NOT NULL CHECK (status IN ('UNVERIFIED', 'VERIFIED', 'DISPUTED', 'UNFOUNDED')),
  note       text CHECK (length(note) <= 2000),
  changed_by uuid NOT NULL,
  role       text NOT NULL,
  changed_at timestamptz NOT NULL,
  -- coalesce: length(btrim(NULL)) is NULL, which a CHECK lets pass.
  CHECK (status NOT IN ('DISPUTED', 'UNFOUNDED') OR length(btrim(coalesce(note, ''))) > 0)
);
CREATE INDEX incident_history_by_incident ON monitoring.incident_history (incident, id);

-- Observers' findings about an incident, a site or a dialogue commitment; texts in one to four languages.
CREATE TABLE monitoring.finding (
  id            uuid PRIMARY KEY,
  subject_kind  text NOT NULL CHECK (subject_kind IN ('INCIDENT', 'SITE', 'COMMITMENT')),
  subject       uuid NOT NULL,
  text_hy       text CHECK (length(text_hy) <= 4000),
  text_az       text CHECK (length(text_az) <= 4000),
  text_ru       text CHECK (length(text_ru) <= 4000),
  text_en       text CHECK (length(text_en) <= 4000),
  found_on      date NOT NULL,
  organisation  text NOT NULL CHECK (length(btrim(organisation)) BETWEEN 1 AND 200),
  author_role   text NOT NULL CHECK (length(btrim(author_role)) BETWEEN 1 AND 200),
  recorded_by   uuid NOT NULL,
  recorded_role text NOT NULL,
  recorded_at   timestamptz NOT NULL,
  CHECK (length(btrim(coalesce(text_hy, ''))) + length(btrim(coalesce(text_az, '')))
    + length(btrim(coalesce(text_ru, ''))) + length(btrim(coalesce(text_en, ''))) > 0)
);
COMMENT ON COLUMN monitoring.finding.subject IS 'monitoring.incident or monitoring.site id, or a dialogue commitment id (not checked here)';
CREATE INDEX finding_by_subject ON monitoring.finding (subject_kind, subject);
CREATE INDEX finding_by_date ON monitoring.finding (found_on DESC, recorded_at DESC);

-- The incident's lifecycle, kept by the database too: its facts never change, its status only as allowed.
CREATE FUNCTION monitoring.guard_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.id, NEW.kind, NEW.occurred_at, NEW.reported_at, NEW.settlement, NEW.latitude, NEW.longitude,
      NEW.description, NEW.source_kind, NEW.source_reference, NEW.recorded_by, NEW.recorded_role, NEW.recorded_at)
     IS DISTINCT FROM (OLD.id, OLD.kind, OLD.occurred_at, OLD.reported_at, OLD.settlement, OLD.latitude,
      OLD.longitude, OLD.description, OLD.source_kind, OLD.source_reference, OLD.recorded_by, OLD.recorded_role,
      OLD.recorded_at) THEN
    RAISE EXCEPTION 'monitoring.incident: the facts of an incident are never changed';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND (OLD.status, NEW.status) NOT IN (
      ('UNVERIFIED', 'VERIFIED'), ('UNVERIFIED', 'DISPUTED'), ('UNVERIFIED', 'UNFOUNDED'),
      ('DISPUTED', 'VERIFIED'), ('DISPUTED', 'UNFOUNDED'),
      ('VERIFIED', 'DISPUTED'), ('UNFOUNDED', 'DISPUTED')) THEN
    RAISE EXCEPTION 'monitoring.incident: % may not become %', OLD.status, NEW.status;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER incident_lifecycle BEFORE UPDATE ON monitoring.incident
  FOR EACH ROW EXECUTE FUNCTION monitoring.guard_incident();

CREATE FUNCTION monitoring.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'monitoring.%: rows are never changed or deleted', TG_TABLE_NAME;
END $$;
CREATE TRIGGER assessment_is_append_only BEFORE UPDATE OR DELETE ON monitoring.assessment
  FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER assessment_photo_is_append_only BEFORE UPDATE OR DELETE ON monitoring.assessment_photo
  FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_history_is_append_only BEFORE UPDATE OR DELETE ON monitoring.incident_history
  FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_site_is_append_only BEFORE UPDATE OR DELETE ON monitoring.incident_site
  FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_facility_is_append_only BEFORE UPDATE OR DELETE ON monitoring.incident_facility
  FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER finding_is_append_only BEFORE UPDATE OR DELETE ON monitoring.finding
  FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_is_never_deleted BEFORE DELETE ON monitoring.incident
  FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_change();
-- TRUNCATE fires no row trigger.
CREATE TRIGGER assessment_is_never_truncated BEFORE TRUNCATE ON monitoring.assessment
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER assessment_photo_is_never_truncated BEFORE TRUNCATE ON monitoring.assessment_photo
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_history_is_never_truncated BEFORE TRUNCATE ON monitoring.incident_history
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_site_is_never_truncated BEFORE TRUNCATE ON monitoring.incident_site
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_facility_is_never_truncated BEFORE TRUNCATE ON monitoring.incident_facility
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER finding_is_never_truncated BEFORE TRUNCATE ON monitoring.finding
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring.refuse_change();
CREATE TRIGGER incident_is_never_truncated BEFORE TRUNCATE ON monitoring.incident
  FOR EACH STATEMENT EXECUTE FUNCTION monitoring.refuse_change();

-- What the application role may do: assessments, photos, history, links and findings are only ever added to; of an
-- incident only the status and its version may change.
GRANT SELECT, INSERT, UPDATE ON monitoring.site, monitoring.visit TO ${app_role};
GRANT SELECT, INSERT ON monitoring.incident TO ${app_role};
GRANT UPDATE (status, updated_at, version) ON monitoring.incident TO ${app_role};
GRANT SELECT, INSERT ON monitoring.assessment, monitoring.assessment_photo, monitoring.incident_site,
  monitoring.incident_facility, monitoring.incident_history, monitoring.finding TO ${app_role};
GRANT USAGE ON SEQUENCE monitoring.incident_history_id_seq TO ${app_role};
