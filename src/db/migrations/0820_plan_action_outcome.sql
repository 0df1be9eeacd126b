-- 0820 The outcome of a referral made from a plan action is written onto the plan itself
-- (not only onto the path): the action keeps the receiver's result in plain words.
ALTER TABLE plan_actions ADD COLUMN outcome text;
