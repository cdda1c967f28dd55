-- The learning classifier's saved state (triage engine). A cache, never the truth: every label it holds can be
-- re-derived from mention.category_id / assigned_by, and the engine reconciles the two at startup.
-- BYTEA is H2's alias of BINARY VARYING and PostgreSQL's binary type, so the same DDL runs on both.
CREATE TABLE triage_model (
    name         VARCHAR(64) PRIMARY KEY,
    format       INTEGER NOT NULL,                -- TriageModelCodec.FORMAT: a different one is retrained
    labels       INTEGER NOT NULL,                -- labelled mentions the model holds (for status and tests)
    model_data   BYTEA NOT NULL,                  -- deflated: labels (mention key -> category id) + feature counts
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

