CREATE SCHEMA dialogue;
GRANT USAGE ON SCHEMA dialogue TO ${app_role};

-- A text in each of the four languages, none of them missing or blank. coalesce: length(btrim(NULL)) > 0 is NULL,
-- and a CHECK that is NULL passes.
CREATE FUNCTION dialogue.four_languages(t jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_typeof(t) = 'object'
    AND coalesce(length(btrim(t ->> 'hy')), 0) > 0 AND coalesce(length(btrim(t ->> 'az')), 0) > 0
    AND coalesce(length(btrim(t ->> 'ru')), 0) > 0 AND coalesce(length(btrim(t ->> 'en')), 0) > 0
$$;

-- A text that is there and not only spaces.
CREATE FUNCTION dialogue.filled(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(length(btrim(t)), 0) > 0
$$;

CREATE FUNCTION dialogue.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dialogue.% is on the record: its rows are never changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- The parties to the talks and those responsible for commitments: the government, the residents' representatives,
-- agencies, an observer mission. Organisations, never persons.
CREATE TABLE dialogue.party (
  id         uuid PRIMARY KEY,
  name       jsonb NOT NULL CHECK (dialogue.four_languages(name)),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version    bigint NOT NULL
);
COMMENT ON TABLE dialogue.party IS 'Organisations taking part in the talks or responsible for commitments; never a person';
COMMENT ON COLUMN dialogue.party.name IS 'Name by language: {"hy": …, "az": …, "ru": …, "en": …}';

CREATE TABLE dialogue.working_group (
  id         uuid PRIMARY KEY,
  name       jsonb NOT NULL CHECK (dialogue.four_languages(name)),
  mandate    jsonb NOT NULL CHECK (dialogue.four_languages(mandate)),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version    bigint NOT NULL
);

-- Members of a working group. A member who leaves keeps their row, with the date they left.
CREATE TABLE dialogue.working_group_member (
  id            uuid PRIMARY KEY,
  working_group uuid NOT NULL REFERENCES dialogue.working_group (id),
  name          text NOT NULL CHECK (dialogue.filled(name) AND length(name) <= 200),
  affiliation   text NOT NULL CHECK (dialogue.filled(affiliation) AND length(affiliation) <= 200),
  added_by      uuid NOT NULL,
  added_at      timestamptz NOT NULL,
  removed_by    uuid,
  removed_at    timestamptz,
  CHECK ((removed_by IS NULL) = (removed_at IS NULL))
);
COMMENT ON COLUMN dialogue.working_group_member.name IS 'Shown to the secretariat only; observers and the public see the affiliation';
CREATE INDEX member_by_group ON dialogue.working_group_member (working_group);

CREATE TABLE dialogue.meeting (
  id            uuid PRIMARY KEY,
  working_group uuid REFERENCES dialogue.working_group (id),
  starts_on     date NOT NULL,
  ends_on       date,
  settlement    text,
  place         text CHECK (length(place) <= 200),
  format        text NOT NULL CHECK (format IN ('IN_PERSON', 'ONLINE', 'SHUTTLE', 'MIXED')),
  agenda        text NOT NULL CHECK (dialogue.filled(agenda) AND length(agenda) <= 4000),
  outcome       jsonb NOT NULL CHECK (dialogue.four_languages(outcome)),
  created_by    uuid NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  version       bigint NOT NULL,
  CONSTRAINT meeting_ends_after_it_starts CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CONSTRAINT meeting_has_one_place CHECK (settlement IS NULL OR place IS NULL),
  CONSTRAINT meeting_has_a_place CHECK (format = 'ONLINE' OR settlement IS NOT NULL OR place IS NOT NULL),
  CONSTRAINT meeting_place_not_blank CHECK (place IS NULL OR dialogue.filled(place))
);
COMMENT ON COLUMN dialogue.meeting.settlement IS 'gazetteer.settlement id, when the meeting was held in the region';
COMMENT ON COLUMN dialogue.meeting.place IS 'Where it was held, as written, when not a settlement of the gazetteer (talks abroad)';
COMMENT ON COLUMN dialogue.meeting.ends_on IS 'Last day of a meeting of several days; NULL for one day';
CREATE INDEX meeting_by_date ON dialogue.meeting (starts_on DESC);
CREATE INDEX meeting_by_group ON dialogue.meeting (working_group) WHERE working_group IS NOT NULL;

-- Every version of a meeting's details, as it was after each change.
CREATE TABLE dialogue.meeting_history (
  id         bigserial PRIMARY KEY,
  meeting    uuid NOT NULL REFERENCES dialogue.meeting (id),
  details    jsonb NOT NULL,
  changed_by uuid NOT NULL,
  role       text NOT NULL,
  changed_at timestamptz NOT NULL
);
COMMENT ON COLUMN dialogue.meeting_history.role IS 'Role of who made the change, never a name';

-- Who took part: public figures acting in office, but their names are for the secretariat only.
CREATE TABLE dialogue.participant (
  id          uuid PRIMARY KEY,
  meeting     uuid NOT NULL REFERENCES dialogue.meeting (id),
  name        text NOT NULL CHECK (dialogue.filled(name) AND length(name) <= 200),
  affiliation text NOT NULL CHECK (dialogue.filled(affiliation) AND length(affiliation) <= 200),
  role        text NOT NULL CHECK (dialogue.filled(role) AND length(role) <= 200),
  added_by    uuid NOT NULL,
  added_at    timestamptz NOT NULL,
  removed_by  uuid,
  removed_at  timestamptz,
  CHECK ((removed_by IS NULL) = (removed_at IS NULL))
);
COMMENT ON COLUMN dialogue.participant.name IS 'Shown to the secretariat only; observers and the public see affiliation and role';
COMMENT ON COLUMN dialogue.participant.role IS 'Role in the meeting (head of delegation, facilitator), not in Hearth';
CREATE INDEX participant_by_meeting ON dialogue.participant (meeting);

-- Minutes, statements and other documents of a meeting; the bytes are in platform.document.
CREATE TABLE dialogue.meeting_document (
  id          uuid PRIMARY KEY,
  meeting     uuid NOT NULL REFERENCES dialogue.meeting (id),
  document    uuid NOT NULL UNIQUE REFERENCES platform.document (id),
  kind        text NOT NULL CHECK (kind IN ('MINUTES', 'STATEMENT', 'OTHER')),
  title       text NOT NULL CHECK (dialogue.filled(title) AND length(title) <= 200),
  shared_with text NOT NULL CHECK (shared_with IN ('SECRETARIAT', 'OBSERVERS', 'PUBLIC')),
  added_by    uuid NOT NULL,
  role        text NOT NULL,
  added_at    timestamptz NOT NULL
);
COMMENT ON COLUMN dialogue.meeting_document.shared_with IS 'Who may open it: the secretariat, also observers, or everyone; chosen by who uploads it';
CREATE INDEX document_by_meeting ON dialogue.meeting_document (meeting);

CREATE TABLE dialogue.commitment (
  id         uuid PRIMARY KEY,
  meeting    uuid NOT NULL REFERENCES dialogue.meeting (id),
  text       jsonb NOT NULL CHECK (dialogue.four_languages(text)),
  due_on     date,
  status     text NOT NULL CHECK (status IN ('PROPOSED', 'AGREED', 'IN_PROGRESS', 'FULFILLED', 'PARTLY_FULFILLED',
               'NOT_FULFILLED', 'WITHDRAWN')),
  score      smallint NOT NULL CHECK (score BETWEEN 0 AND 3),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version    bigint NOT NULL
);
COMMENT ON COLUMN dialogue.commitment.score IS 'Implementation score of the Peace Accords Matrix: 0 not initiated, 1 minimal, 2 intermediate, 3 complete';
CREATE INDEX commitment_by_meeting ON dialogue.commitment (meeting);

-- The parties responsible for a commitment.
CREATE TABLE dialogue.commitment_party (
  commitment uuid NOT NULL REFERENCES dialogue.commitment (id),
  party      uuid NOT NULL REFERENCES dialogue.party (id),
  PRIMARY KEY (commitment, party)
);
CREATE INDEX commitment_party_by_party ON dialogue.commitment_party (party);

-- A claim: the secretariat's statement that a commitment now stands at a status and a score. Observers verify or
-- dispute claims, parties add their statements to them; nothing about a claim is ever changed.
CREATE TABLE dialogue.claim (
  id              uuid PRIMARY KEY,
  seq             bigserial NOT NULL UNIQUE,
  commitment      uuid NOT NULL REFERENCES dialogue.commitment (id),
  kind            text NOT NULL CHECK (kind IN ('STATUS', 'SCORE')),
  status          text NOT NULL CHECK (status IN ('PROPOSED', 'AGREED', 'IN_PROGRESS', 'FULFILLED',
                    'PARTLY_FULFILLED', 'NOT_FULFILLED', 'WITHDRAWN')),
  score           smallint NOT NULL CHECK (score BETWEEN 0 AND 3),
  previous_status text,
  previous_score  smallint,
  statement       text NOT NULL CHECK (dialogue.filled(statement) AND length(statement) <= 2000),
  claimed_by      uuid NOT NULL,
  role            text NOT NULL,
  claimed_at      timestamptz NOT NULL
);
COMMENT ON COLUMN dialogue.claim.statement IS 'What the secretariat claims and on what grounds; public';
COMMENT ON COLUMN dialogue.claim.seq IS 'Order of the claims: the latest claim of a commitment is the one with the highest seq';
CREATE INDEX claim_by_commitment ON dialogue.claim (commitment, seq);

-- An observer's finding on a claim: verified, or disputed with a note. One per observer and claim.
CREATE TABLE dialogue.finding (
  id       uuid PRIMARY KEY,
  claim    uuid NOT NULL REFERENCES dialogue.claim (id),
  verdict  text NOT NULL CHECK (verdict IN ('VERIFIED', 'DISPUTED')),
  note     text CHECK (length(note) <= 2000),
  observer uuid NOT NULL,
  role     text NOT NULL CHECK (role = 'OBSERVER'),
  found_at timestamptz NOT NULL,
  CONSTRAINT finding_once_per_observer UNIQUE (claim, observer),
  CONSTRAINT finding_dispute_has_note CHECK (verdict <> 'DISPUTED' OR dialogue.filled(note))
);
COMMENT ON COLUMN dialogue.finding.observer IS 'The observer''s account: for the rule of one finding each, never shown';

-- What a party says about a claim, recorded by the secretariat on the party's behalf.
CREATE TABLE dialogue.statement (
  id          uuid PRIMARY KEY,
  claim       uuid NOT NULL REFERENCES dialogue.claim (id),
  party       uuid NOT NULL REFERENCES dialogue.party (id),
  text        text NOT NULL CHECK (dialogue.filled(text) AND length(text) <= 4000),
  recorded_by uuid NOT NULL,
  role        text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX statement_by_claim ON dialogue.statement (claim);

-- Evidence of a commitment's implementation: a document, an aid delivery, an incident, a page on the web.
CREATE TABLE dialogue.evidence (
  id          uuid PRIMARY KEY,
  commitment  uuid NOT NULL REFERENCES dialogue.commitment (id),
  kind        text NOT NULL CHECK (kind IN ('DOCUMENT', 'AID_DELIVERY', 'INCIDENT', 'URL')),
  reference   text NOT NULL CHECK (dialogue.filled(reference) AND length(reference) <= 2000),
  document    uuid REFERENCES platform.document (id),
  shared_with text NOT NULL CHECK (shared_with IN ('SECRETARIAT', 'OBSERVERS', 'PUBLIC')),
  note        text CHECK (length(note) <= 2000),
  added_by    uuid NOT NULL,
  role        text NOT NULL,
  added_at    timestamptz NOT NULL,
  CONSTRAINT evidence_document_has_its_file CHECK ((kind = 'DOCUMENT') = (document IS NOT NULL)),
  CONSTRAINT evidence_url_is_https CHECK (kind <> 'URL' OR reference LIKE 'https://%')
);
COMMENT ON COLUMN dialogue.evidence.reference IS 'A document''s id, a shipment id (and item of the deliveries CSV), an incident id of monitoring, or an https address';
CREATE INDEX evidence_by_commitment ON dialogue.evidence (commitment);

-- Every change of a commitment: created, text changed, status or score claimed, evidence added. Who by role.
CREATE TABLE dialogue.history (
  id         bigserial PRIMARY KEY,
  commitment uuid NOT NULL REFERENCES dialogue.commitment (id),
  action     text NOT NULL CHECK (action IN ('CREATED', 'REVISED', 'STATUS_CHANGED', 'SCORE_CHANGED', 'EVIDENCE')),
  status     text NOT NULL,
  score      smallint NOT NULL,
  details    jsonb,
  claim      uuid REFERENCES dialogue.claim (id),
  evidence   uuid REFERENCES dialogue.evidence (id),
  changed_by uuid NOT NULL,
  role       text NOT NULL,
  changed_at timestamptz NOT NULL,
  CHECK (action NOT IN ('STATUS_CHANGED', 'SCORE_CHANGED') OR claim IS NOT NULL),
  CHECK (action <> 'EVIDENCE' OR evidence IS NOT NULL)
);
COMMENT ON COLUMN dialogue.history.details IS 'For CREATED and REVISED: the text, due date and parties as they were after the change';
COMMENT ON COLUMN dialogue.history.role IS 'Role of who made the change, never a name';
CREATE INDEX history_by_commitment ON dialogue.history (commitment, id);

-- The record is only ever added to; TRUNCATE fires no row trigger, hence the statement triggers.
CREATE TRIGGER meeting_history_is_append_only BEFORE UPDATE OR DELETE ON dialogue.meeting_history
  FOR EACH ROW EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER meeting_document_is_append_only BEFORE UPDATE OR DELETE ON dialogue.meeting_document
  FOR EACH ROW EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER claim_is_append_only BEFORE UPDATE OR DELETE ON dialogue.claim
  FOR EACH ROW EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER finding_is_append_only BEFORE UPDATE OR DELETE ON dialogue.finding
  FOR EACH ROW EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER statement_is_append_only BEFORE UPDATE OR DELETE ON dialogue.statement
  FOR EACH ROW EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER evidence_is_append_only BEFORE UPDATE OR DELETE ON dialogue.evidence
  FOR EACH ROW EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER history_is_append_only BEFORE UPDATE OR DELETE ON dialogue.history
  FOR EACH ROW EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER meeting_history_is_never_truncated BEFORE TRUNCATE ON dialogue.meeting_history
  FOR EACH STATEMENT EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER meeting_document_is_never_truncated BEFORE TRUNCATE ON dialogue.meeting_document
  FOR EACH STATEMENT EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER claim_is_never_truncated BEFORE TRUNCATE ON dialogue.claim
  FOR EACH STATEMENT EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER finding_is_never_truncated BEFORE TRUNCATE ON dialogue.finding
  FOR EACH STATEMENT EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER statement_is_never_truncated BEFORE TRUNCATE ON dialogue.statement
  FOR EACH STATEMENT EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER evidence_is_never_truncated BEFORE TRUNCATE ON dialogue.evidence
  FOR EACH STATEMENT EXECUTE FUNCTION dialogue.refuse_change();
CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON dialogue.history
  FOR EACH STATEMENT EXECUTE FUNCTION dialogue.refuse_change();

GRANT SELECT, INSERT, UPDATE ON dialogue.party, dialogue.working_group, dialogue.working_group_member,
  dialogue.meeting, dialogue.participant, dialogue.commitment TO ${app_role};
GRANT SELECT, INSERT, DELETE ON dialogue.commitment_party TO ${app_role};
GRANT SELECT, INSERT ON dialogue.meeting_history, dialogue.meeting_document, dialogue.claim, dialogue.finding,
  dialogue.statement, dialogue.evidence, dialogue.history TO ${app_role};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA dialogue TO ${app_role};
