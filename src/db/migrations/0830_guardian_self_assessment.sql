-- A guardian fills the "Mitä sinulle kuuluu?" self-assessment with or for their under-18 child in
-- Oma polku (the 'guardian' access basis): recorded as given by the guardian, recorded_by = the
-- guardian's login. Widens the check of 0200; no new table, so no new row-level security policy.
ALTER TABLE self_assessments DROP CONSTRAINT IF EXISTS self_assessments_filled_by_check;
ALTER TABLE self_assessments ADD CONSTRAINT self_assessments_filled_by_check
  CHECK (filled_by IN ('client', 'client-with-worker', 'client-with-close-one', 'guardian'));
