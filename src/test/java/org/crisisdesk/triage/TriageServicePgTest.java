package org.crisisdesk.triage;

import org.crisisdesk.testing.OnPostgres;

/** {@link TriageServiceTest} on a PostgreSQL team database (issue 21). */
@OnPostgres
class TriageServicePgTest extends TriageServiceTest {}
