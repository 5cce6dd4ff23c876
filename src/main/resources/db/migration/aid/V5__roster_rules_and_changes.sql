-- The field hospital's roster: its rules held by the database as well as by the application, and an append-only
-- record of every change to members, minimums and shifts (an unassignment deletes the assignment; this keeps it).

-- Languages spoken are a work skill chosen from Hearth's four languages; at least one, each once.
ALTER TABLE aid.roster_member
  ADD CONSTRAINT roster_member_languages CHECK (cardinality(languages) BETWEEN 1 AND 4
    AND languages <@ ARRAY['hy', 'az', 'ru', 'en']::text[]),
  ADD CONSTRAINT roster_member_of_facility UNIQUE (id, facility);
COMMENT ON COLUMN aid.roster_member.name IS 'As written, in any script. No contact details, no ethnicity: the roster is staffing, not a list of people';
COMMENT ON COLUMN aid.roster_member.languages IS 'Languages the member works in (hy, az, ru, en): a skill for covering shifts, not an identity';
COMMENT ON COLUMN aid.roster_member.active IS 'Members are never deleted: an inactive member keeps their past shifts and cannot be assigned';
CREATE INDEX roster_member_by_facility ON aid.roster_member (facility);

ALTER TABLE aid.coverage_rule
  ADD CONSTRAINT coverage_rule_role CHECK (role IN ('DOCTOR', 'NURSE', 'PARAMEDIC', 'PHARMACIST', 'INTERPRETER',
    'SUPPORT')),
  ADD CONSTRAINT coverage_rule_minimum_at_most CHECK (minimum <= 50);
COMMENT ON TABLE aid.coverage_rule IS 'Minimum number of members of a role on every shift of the facility; a role without a row needs none';

-- A member works only at their own facility's shifts.
ALTER TABLE aid.shift_assignment
  ADD CONSTRAINT shift_assignment_member_of_facility FOREIGN KEY (member, facility)
    REFERENCES aid.roster_member (id, facility);
COMMENT ON COLUMN aid.shift_assignment.shift IS 'DAY or NIGHT of the day; the NIGHT of a day ends in the morning of the next';

CREATE TABLE aid.roster_change (
  id         bigserial PRIMARY KEY,
  facility   uuid NOT NULL REFERENCES aid.facility (id),
  change     text NOT NULL CHECK (change IN ('MEMBER_ADDED', 'MEMBER_DEACTIVATED', 'MEMBER_REACTIVATED',
               'MINIMUM_SET', 'ASSIGNED', 'UNASSIGNED')),
  member     uuid REFERENCES aid.roster_member (id),
  day        date,
  shift      text CHECK (shift IN ('DAY', 'NIGHT')),
  role       text,
  minimum    integer,
  changed_by uuid NOT NULL,
  changed_at timestamptz NOT NULL,
  CHECK ((change IN ('ASSIGNED', 'UNASSIGNED')) = (day IS NOT NULL AND shift IS NOT NULL)),
  CHECK ((change = 'MINIMUM_SET') = (role IS NOT NULL AND minimum IS NOT NULL)),
  CHECK ((change = 'MINIMUM_SET') = (member IS NULL))
);
COMMENT ON TABLE aid.roster_change IS 'Every change to a roster, appended: who added, deactivated or reactivated a member, set a minimum, assigned or unassigned';
COMMENT ON COLUMN aid.roster_change.changed_by IS 'identity.account id of the coordinator (or the demo writer)';
CREATE INDEX roster_change_by_facility ON aid.roster_change (facility, id);
CREATE TRIGGER roster_change_is_append_only BEFORE UPDATE OR DELETE ON aid.roster_change
  FOR EACH ROW EXECUTE FUNCTION aid.refuse_change();
CREATE TRIGGER roster_change_is_never_truncated BEFORE TRUNCATE ON aid.roster_change
  FOR EACH STATEMENT EXECUTE FUNCTION aid.refuse_change();

GRANT SELECT, INSERT ON aid.roster_change TO ${app_role};
GRANT USAGE ON SEQUENCE aid.roster_change_id_seq TO ${app_role};
