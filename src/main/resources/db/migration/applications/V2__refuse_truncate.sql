-- Row triggers do not fire on TRUNCATE: refuse that too, so that not even the owner can empty the record.
CREATE TRIGGER history_is_never_truncated BEFORE TRUNCATE ON applications.history
  FOR EACH STATEMENT EXECUTE FUNCTION applications.refuse_change();
CREATE TRIGGER decision_is_never_truncated BEFORE TRUNCATE ON applications.decision
  FOR EACH STATEMENT EXECUTE FUNCTION applications.refuse_change();
CREATE TRIGGER case_access_is_never_truncated BEFORE TRUNCATE ON applications.case_access
  FOR EACH STATEMENT EXECUTE FUNCTION applications.refuse_change();
