-- A school-absence step can create or link an action of the pupil's shared client plan, so the
-- plan shows what the school and student welfare agreed (30/50/70 h model). No new table, so no
-- new row-level security policy (absence_steps carries county_code and is covered by 0801).
ALTER TABLE absence_steps ADD COLUMN plan_action_id uuid REFERENCES plan_actions(id);
