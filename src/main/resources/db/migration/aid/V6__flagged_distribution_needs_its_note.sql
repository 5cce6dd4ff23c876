-- V1's rule that a handing-out flagged as a possible duplicate carries its note let a missing note through:
-- length(btrim(NULL)) > 0 is NULL, and a CHECK that is NULL passes.
ALTER TABLE aid.distribution DROP CONSTRAINT distribution_check,
  ADD CONSTRAINT distribution_flag_has_note
    CHECK (possible_duplicate_of IS NULL OR coalesce(length(btrim(flag_note)), 0) > 0);
