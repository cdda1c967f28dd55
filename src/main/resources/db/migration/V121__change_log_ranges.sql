-- Issue 21: mentions stored by the collector reach the other desks through the change log. One row per stored batch
-- (kind MENTIONS) names the batch's primary keys as the range entity_id..entity_to, so a burst of thousands of
-- mentions adds a handful of rows; every other kind leaves entity_to empty.
ALTER TABLE change_log ADD COLUMN entity_to BIGINT;
