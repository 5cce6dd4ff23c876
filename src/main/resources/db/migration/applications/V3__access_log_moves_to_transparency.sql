-- The record of who opened a file now serves every module: it moves, row by row, to transparency.access.
INSERT INTO transparency.access (subject_type, subject_id, account_id, role, office, purpose, action, at)
  SELECT 'application', application_id, account_id, role, office, purpose, 'OPEN', at
  FROM applications.case_access ORDER BY id;
DROP TABLE applications.case_access;
