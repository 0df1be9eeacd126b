-- 0812 Indexes for the worker's own lists, found with EXPLAIN ANALYZE on the bench database
-- (100k clients, 1M path events; docs/performance.md "Indexes").
--
-- Alerts and the referral lists ask for a worker's open referrals, sent by them or addressed to
-- their organisation: status IN ('requested','received') AND (from_user_id = $1 OR
-- to_organization_id = $2). Only the receiving side had an index, so PostgreSQL read every open
-- referral of the county (13k at 100k clients, 20–35 ms). With both sides indexed it is a BitmapOr.
CREATE INDEX referrals_from_user_idx ON referrals (from_user_id, status);

-- Plans past their review date among the worker's clients: the planner starts from the plans
-- (30k at 100k clients, a 16 ms sequential scan per alert list); the index answers "review date
-- passed" directly.
CREATE INDEX client_plans_review_idx ON client_plans (review_date) WHERE review_date IS NOT NULL;
