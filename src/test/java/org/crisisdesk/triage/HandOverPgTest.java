package org.crisisdesk.triage;

import org.crisisdesk.testing.OnPostgres;

/** {@link HandOverTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class HandOverPgTest extends HandOverTest {}
