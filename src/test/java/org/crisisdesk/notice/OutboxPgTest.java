package org.crisisdesk.notice;

import org.crisisdesk.testing.OnPostgres;

/** {@link OutboxTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class OutboxPgTest extends OutboxTest {}
