-- Issue #8 (a desk over a million mentions). A column shows its newest cards: WHERE category_id = ? ORDER BY pk DESC.
-- With only (category_id, created_at) H2 read and sorted every row of the category (2-4 s per column at 1M rows);
-- (category_id, pk) hands the newest ones over in order. The Unsorted column (category_id IS NULL) uses it too.
CREATE INDEX mention_category_pk_idx ON mention (category_id, pk);
-- The customer-centre header counts what is not handed over yet: WHERE category_id = ? AND handed_over_at IS NULL.
CREATE INDEX mention_category_handover_idx ON mention (category_id, handed_over_at);
