-- Issue 22: a person owns a category ("배송 지연 — 민지") through the desk they claimed it from. A claim lasts while
-- that desk is present (desk_presence seen within 25 s): a desk that dies releases its claims with it. Claiming a
-- category someone else holds replaces their row (the desk asks first). Standard SQL for H2 and PostgreSQL.
CREATE TABLE category_claim (
    category_id BIGINT PRIMARY KEY REFERENCES category (id),
    person      VARCHAR(200) NOT NULL,
    handle      VARCHAR(64)  NOT NULL,
    desk_id     VARCHAR(200) NOT NULL,        -- the claiming desk (desk_presence.desk_id)
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
