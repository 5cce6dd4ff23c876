-- A decision about a pair names the role and the office it was taken in, as the access log does for every access:
-- what staff see of who decided. decided_by keeps the account, for the data protection officer.
ALTER TABLE registry.duplicate ADD COLUMN decided_role text, ADD COLUMN decided_office text;
COMMENT ON COLUMN registry.duplicate.decided_role IS 'Role the decision was taken in (identity.Role name); null for decisions before this column';
COMMENT ON COLUMN registry.duplicate.decided_office IS 'Office code of the member of staff who decided, if any';
