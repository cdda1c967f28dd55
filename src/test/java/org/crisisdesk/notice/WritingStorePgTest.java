package org.crisisdesk.notice;

import org.crisisdesk.testing.OnPostgres;

/** {@link WritingStoreTest} on a PostgreSQL team database (LISTEN/NOTIFY wakes the other desk). */
@OnPostgres
class WritingStorePgTest extends WritingStoreTest {}
