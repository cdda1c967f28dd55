package org.crisisdesk.people;

import org.crisisdesk.testing.OnPostgres;

/** {@link OwnershipReportTest} on a PostgreSQL team database. */
@OnPostgres
class OwnershipReportPgTest extends OwnershipReportTest {}
