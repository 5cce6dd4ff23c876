-- Reads other modules make of the registry (aid distributions): the households of a settlement of origin, the
-- records merged into a person (to find every household the registry counts as one), and the open pairs of a person
-- whichever side of the pair it is on.
CREATE INDEX household_by_origin ON registry.household (origin);
CREATE INDEX person_by_merged_into ON registry.person (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX duplicate_open_by_second ON registry.duplicate (second_id) WHERE status = 'OPEN';
