package org.crisisdesk.notice;

import org.crisisdesk.testing.OnPostgres;

/** {@link NoticeServiceTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class NoticeServicePgTest extends NoticeServiceTest {}
