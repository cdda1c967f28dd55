-- Issue #8: the board headers (every 3 s) and the alert watch (every 2 s) need how many mentions each category holds.
-- A GROUP BY over every mention took 0.4-1.8 s at a million rows, on the threads the desk shares with its window.
-- These counts are kept instead: every statement that changes mention.category_id (MentionStore.ingest,
-- MoveStore's moves, undo/redo and merge) adds its difference here in the same transaction, so two desks on one
-- database stay right. category_key is the category id, or 0 for Unsorted (category_id IS NULL; ids start at 1).
-- CategoryCountStore.recount rebuilds it from the mentions (a repair, and for tools that write mentions directly).
CREATE TABLE category_count (
    category_key BIGINT PRIMARY KEY,
    mentions     BIGINT NOT NULL
);

INSERT INTO category_count (category_key, mentions)
    SELECT COALESCE(category_id, 0), COUNT(*) FROM mention GROUP BY COALESCE(category_id, 0);

INSERT INTO category_count (category_key, mentions)
    SELECT id, 0 FROM category WHERE id NOT IN (SELECT category_key FROM category_count);

INSERT INTO category_count (category_key, mentions)
    SELECT 0, 0 FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM category_count WHERE category_key = 0);
