package org.crisisdesk.desk.composer;

import org.crisisdesk.testing.OnPostgres;

/** {@link TwoDesksTest} on a PostgreSQL team database. */
@OnPostgres
class TwoDesksPgTest extends TwoDesksTest {}
