package org.crisisdesk.mention;

import org.crisisdesk.testing.OnPostgres;

/** {@link MentionStoreTest} on a PostgreSQL team database. */
@OnPostgres
class MentionStorePgTest extends MentionStoreTest {}
