package org.crisisdesk.store;

import org.crisisdesk.testing.OnPostgres;

/** {@link ChangeFeedTest} on PostgreSQL: woken by LISTEN/NOTIFY. */
@OnPostgres
class ChangeFeedPgTest extends ChangeFeedTest {}
