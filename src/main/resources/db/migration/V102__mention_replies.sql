-- Issue 25: one useful reply to the customer, posted through the notice outbox as a reply to their post.
ALTER TABLE notice ADD COLUMN in_reply_to VARCHAR(64);
-- The reply recorded on the mention: at most one per mention (the key), and who asked for it.
CREATE TABLE mention_reply (
    mention_pk  BIGINT PRIMARY KEY REFERENCES mention (pk),
    notice_id   BIGINT NOT NULL REFERENCES notice (id),
    source      VARCHAR(32)  NOT NULL,
    author      VARCHAR(100) NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mention_reply_author_idx ON mention_reply (source, author);
