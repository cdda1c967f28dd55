-- Issue #8 (ingest speed). H2 keeps only 32 values of an identity sequence in hand, and with every commit written
-- through (WRITE_DELAY=0) each refill writes the whole store, the open batch included: a profile of a 200,000-row
-- import spent over a third of its time in Sequence.flush. A cache of 100,000 makes that rare. A crash can skip
-- cached numbers (gaps in pk), never reuse one; nothing relies on pk being gap-free, only on it growing.
ALTER TABLE mention ALTER COLUMN pk SET CACHE 100000;
ALTER TABLE assignment ALTER COLUMN id SET CACHE 100000;
