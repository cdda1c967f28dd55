package org.crisisdesk.alert.delivery;

import org.crisisdesk.testing.OnPostgres;

/** {@link OneDelivererTest} on a PostgreSQL team database: two processes, one lease, one message. */
@OnPostgres
class OneDelivererPgTest extends OneDelivererTest {}
