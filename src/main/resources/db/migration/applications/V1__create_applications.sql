CREATE SCHEMA applications;
GRANT USAGE ON SCHEMA applications TO ${app_role};

CREATE TABLE applications.application (
  id                 uuid PRIMARY KEY,
  applicant          uuid NOT NULL,
  service_code       text NOT NULL,
  definition_version int NOT NULL,
  answers            jsonb NOT NULL,
  status             text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'AWAITING_APPLICANT',
                       'AWAITING_DECISION', 'APPROVED', 'REFUSED', 'APPEALED')),
  reference          text UNIQUE,
  language           text CHECK (language IN ('hy', 'az', 'ru', 'en')),
  office             text,
  settlement         text,
  submitted_at       timestamptz,
  assignee           uuid,
  round              int NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
  excluded_reviewers uuid[] NOT NULL DEFAULT '{}',
  appeal_statement   text,
  appeal_documents   uuid[],
  appeal_lodged_at   timestamptz,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  version            bigint NOT NULL,
  FOREIGN KEY (service_code, definition_version) REFERENCES services.definition_version (code, version),
  CHECK ((status = 'DRAFT') = (reference IS NULL))
);
COMMENT ON TABLE applications.application IS 'Applications to a service; the workflow is decided by the Application aggregate only';
COMMENT ON COLUMN applications.application.applicant IS 'identity.account id of the applicant: the only account that can see a draft';
COMMENT ON COLUMN applications.application.answers IS 'Answers validated against (service_code, definition_version); personal data';
COMMENT ON COLUMN applications.application.language IS 'Language the application was submitted in (a queue filter)';
COMMENT ON COLUMN applications.application.office IS 'Office the case is routed to, from the district of the previous residence';
COMMENT ON COLUMN applications.application.settlement IS 'gazetteer.settlement id of the previous residence (a queue filter)';
COMMENT ON COLUMN applications.application.excluded_reviewers IS 'Accounts that took part in the decision under appeal and may not review the appeal';
COMMENT ON COLUMN applications.application.version IS 'Optimistic lock: a change made on a stale copy is refused';
CREATE INDEX application_by_applicant ON applications.application (applicant, created_at DESC);
CREATE INDEX application_queue ON applications.application (office, status, submitted_at) WHERE status <> 'DRAFT';

CREATE TABLE applications.information_request (
  id             uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications.application (id),
  round          int NOT NULL,
  message        text NOT NULL,
  requested_at   timestamptz NOT NULL,
  response       text,
  documents      uuid[] NOT NULL DEFAULT '{}',
  responded_at   timestamptz
);
CREATE INDEX information_request_by_application ON applications.information_request (application_id, requested_at);

CREATE TABLE applications.recommendation (
  id              uuid PRIMARY KEY,
  application_id  uuid NOT NULL REFERENCES applications.application (id),
  round           int NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('APPROVE', 'REFUSE')),
  reasons         text[] NOT NULL,
  explanation     text NOT NULL,
  recommended_by  uuid NOT NULL,
  office          text,
  recommended_at  timestamptz NOT NULL,
  verdict         text CHECK (verdict IN ('CONFIRMED', 'RETURNED')),
  judged_by       uuid,
  comment         text,
  judged_at       timestamptz,
  CONSTRAINT four_eyes CHECK (judged_by IS NULL OR judged_by <> recommended_by)
);
COMMENT ON CONSTRAINT four_eyes ON applications.recommendation IS 'Four eyes, also in the database: who recommended never judges';
CREATE INDEX recommendation_by_application ON applications.recommendation (application_id, recommended_at);

CREATE TABLE applications.decision (
  id                 uuid PRIMARY KEY,
  application_id     uuid NOT NULL REFERENCES applications.application (id),
  round              int NOT NULL,
  outcome            text NOT NULL CHECK (outcome IN ('APPROVE', 'REFUSE')),
  reasons            text[] NOT NULL,
  explanation        text NOT NULL,
  recommended_by     uuid NOT NULL,
  decided_by         uuid NOT NULL CHECK (decided_by <> recommended_by),
  office             text,
  decided_at         timestamptz NOT NULL,
  permit_number      text UNIQUE,
  permit_valid_from  date,
  permit_valid_until date,
  appeal_deadline    date,
  verification_code  text NOT NULL UNIQUE,
  UNIQUE (application_id, round),
  CHECK ((outcome = 'APPROVE') = (permit_number IS NOT NULL))
);
COMMENT ON TABLE applications.decision IS 'Confirmed decisions, one per round; never changed. An appeal decision is a new row';
COMMENT ON COLUMN applications.decision.verification_code IS 'Printed on the letter; /verify shows the decision''s kind, date and office for it';

CREATE SEQUENCE applications.permit_number_seq;

CREATE TABLE applications.history (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications.application (id),
  at             timestamptz NOT NULL,
  actor_role     text NOT NULL,
  actor_office   text,
  action         text NOT NULL,
  from_status    text,
  to_status      text NOT NULL,
  reasons        text[] NOT NULL DEFAULT '{}',
  comment        text,
  round          int NOT NULL
);
COMMENT ON TABLE applications.history IS 'Every state change of an application: append-only, for the application role and, through a trigger, for everyone';
CREATE INDEX history_by_application ON applications.history (application_id, id);

CREATE TABLE applications.case_access (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications.application (id),
  account_id     uuid NOT NULL,
  role           text NOT NULL,
  office         text,
  purpose        text NOT NULL,
  at             timestamptz NOT NULL
);
COMMENT ON TABLE applications.case_access IS 'Each time staff open a case, with the purpose they gave; the applicant can see when, which office and why. Append-only';
CREATE INDEX case_access_by_application ON applications.case_access (application_id, at);

CREATE TABLE applications.idempotency_key (
  account_id     uuid NOT NULL,
  operation      text NOT NULL,
  key            text NOT NULL,
  application_id uuid NOT NULL REFERENCES applications.application (id),
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (account_id, operation, key)
);
COMMENT ON TABLE applications.idempotency_key IS 'Idempotency-Key headers of API requests already carried out, so that a retried request yields the first result';

-- What the application role may do: history, decisions and access records are only ever added to.
GRANT SELECT, INSERT, UPDATE ON applications.application, applications.information_request,
  applications.recommendation TO ${app_role};
GRANT SELECT, INSERT ON applications.decision, applications.history, applications.case_access,
  applications.idempotency_key TO ${app_role};
GRANT USAGE ON SEQUENCE applications.permit_number_seq TO ${app_role};

-- And for every role, the owner included: rewriting the past is refused by the database itself.
CREATE FUNCTION applications.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'applications.%: rows are never changed or deleted', TG_TABLE_NAME;
END $$;
CREATE TRIGGER history_is_append_only BEFORE UPDATE OR DELETE ON applications.history
  FOR EACH ROW EXECUTE FUNCTION applications.refuse_change();
CREATE TRIGGER decision_is_append_only BEFORE UPDATE OR DELETE ON applications.decision
  FOR EACH ROW EXECUTE FUNCTION applications.refuse_change();
CREATE TRIGGER case_access_is_append_only BEFORE UPDATE OR DELETE ON applications.case_access
  FOR EACH ROW EXECUTE FUNCTION applications.refuse_change();
