-- Issue 22: who has a desk open right now. Every open desk keeps one row, written every 10 s (last_seen) with the
-- time of its person's last keyboard or mouse input (last_input). A row not seen for 25 s is a desk that is gone
-- (killed, lid closed, network cut): nobody shows it, and any desk deletes it later. A clean close deletes it at once.
-- Standard SQL for H2 and PostgreSQL.
CREATE TABLE desk_presence (
    desk_id     VARCHAR(200) PRIMARY KEY,     -- one running desk process (= Database.deskId)
    person      VARCHAR(200) NOT NULL,        -- the desk's person (name)
    handle      VARCHAR(64)  NOT NULL,        -- the person's short handle
    host        VARCHAR(200) NOT NULL,        -- the computer
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_input  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX desk_presence_seen_idx ON desk_presence (last_seen);
