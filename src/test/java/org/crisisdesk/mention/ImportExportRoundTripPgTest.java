package org.crisisdesk.mention;

import org.crisisdesk.testing.OnPostgres;

/** {@link ImportExportRoundTripTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class ImportExportRoundTripPgTest extends ImportExportRoundTripTest {}
