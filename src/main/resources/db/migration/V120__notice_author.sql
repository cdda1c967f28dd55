-- Issue 22: every notice names its author, the person who wrote and queued it (the desk's person or the CLI's --as),
-- shown in the notice timeline and the handover report. Notices written before this column take the person who asked
-- for approval, else the person who asked for the reply; older ones stay without (shown as "–").
-- Standard SQL for H2 and PostgreSQL.
ALTER TABLE notice ADD COLUMN author VARCHAR(200);

UPDATE notice SET author = (SELECT MIN(a.person) FROM notice_approval a
                            WHERE a.notice_id = notice.id AND a.action = 'REQUESTED')
WHERE author IS NULL;

UPDATE notice SET author = (SELECT MIN(r.actor) FROM mention_reply r WHERE r.notice_id = notice.id)
WHERE author IS NULL;
