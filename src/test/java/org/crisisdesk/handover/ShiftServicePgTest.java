package org.crisisdesk.handover;

import org.crisisdesk.testing.OnPostgres;

/** {@link ShiftServiceTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class ShiftServicePgTest extends ShiftServiceTest {}
