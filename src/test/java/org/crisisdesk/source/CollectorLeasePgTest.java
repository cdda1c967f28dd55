package org.crisisdesk.source;

import org.crisisdesk.testing.OnPostgres;

/** {@link CollectorLeaseTest} on a PostgreSQL team database. */
@OnPostgres
class CollectorLeasePgTest extends CollectorLeaseTest {}
