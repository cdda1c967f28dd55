package org.crisisdesk.triage;

import org.crisisdesk.testing.OnPostgres;

/** {@link CategoryCountsTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class CategoryCountsPgTest extends CategoryCountsTest {}
