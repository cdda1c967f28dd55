-- Issue 21: one collector per account, whatever the number of desks on a team database. The process that holds a
-- source's lease polls it; the others read its mentions from the database. The holder renews expires_at while it
-- lives; another desk or `crisisdesk collect` takes an expired lease over and goes on from source_checkpoint.
-- Standard SQL for H2 and PostgreSQL.
CREATE TABLE collector_lease (
    source_key   VARCHAR(200) PRIMARY KEY,        -- = source_checkpoint.source_key
    holder       VARCHAR(200) NOT NULL,           -- one running process (host, pid, random)
    holder_label VARCHAR(200) NOT NULL,           -- what the status bar shows: the desk's computer, or "collect@host"
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
