-- Issue 22: a customer-centre case (a mention in the customer-centre column) assigned to a person. At most one
-- assignee per case; unassigning deletes the row. Kept when the desk closes (unlike a category claim).
-- Standard SQL for H2 and PostgreSQL.
CREATE TABLE case_assignment (
    mention_pk  BIGINT PRIMARY KEY REFERENCES mention (pk),
    person      VARCHAR(200) NOT NULL,        -- the assignee's name
    handle      VARCHAR(64)  NOT NULL,
    assigned_by VARCHAR(200) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX case_assignment_person_idx ON case_assignment (person);
