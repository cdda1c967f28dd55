-- Issue 23 item 6: what the desk itself read from and created on X, per UTC day (X's pay-per-use deduplicates and
-- bills per UTC day), so the desk can say how much of a monthly cap or budget is used and what it costs. READ = posts
-- returned by the mentions, search and own-posts endpoints; CREATE = posts created; CREATE_URL = posts created that
-- hold a link (X charges more for them). A drill never adds rows. Rows are added to, never rewritten by a report.
-- Standard SQL for H2 and PostgreSQL.
CREATE TABLE x_usage (
    usage_day DATE      NOT NULL,             -- UTC day (DAY is a keyword in H2)
    kind  VARCHAR(16) NOT NULL,             -- READ, CREATE, CREATE_URL
    posts BIGINT      NOT NULL,
    PRIMARY KEY (usage_day, kind)
);
