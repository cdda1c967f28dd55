package org.crisisdesk.handover;

import org.crisisdesk.testing.OnPostgres;

/** {@link ReportModelTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class ReportModelPgTest extends ReportModelTest {}
