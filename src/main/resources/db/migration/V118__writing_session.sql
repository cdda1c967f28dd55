-- Issue 22: no collisions. A desk with the composer open on a category holds one row here, renewed every few seconds
-- (heartbeat_at, expires_at); closing the composer deletes it, and a desk that died leaves a row that runs out
-- (expires_at, at most 30 s later) and is ignored, then deleted by any desk. Other desks hear of it through the
-- change log (kind WRITING) and show "민지 is writing a notice" on that column. Standard SQL for H2 and PostgreSQL.
CREATE TABLE writing_session (
    desk         VARCHAR(200) PRIMARY KEY,      -- one composer per desk (process): ChangeLog's desk id
    category_id  BIGINT NOT NULL,
    person       VARCHAR(200) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX writing_session_category_idx ON writing_session (category_id);
