-- A school-absence step linked to a plan action (0831) keeps the step when the action is removed
-- from the plan: the link is cleared, as for follow-up tasks (0500). Before this, removing such an
-- action (or any plan save that re-created actions) failed on the foreign key.
ALTER TABLE absence_steps DROP CONSTRAINT IF EXISTS absence_steps_plan_action_id_fkey;
ALTER TABLE absence_steps
  ADD CONSTRAINT absence_steps_plan_action_id_fkey FOREIGN KEY (plan_action_id) REFERENCES plan_actions(id) ON DELETE SET NULL;
