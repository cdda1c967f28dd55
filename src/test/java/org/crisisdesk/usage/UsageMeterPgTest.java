package org.crisisdesk.usage;

import org.crisisdesk.testing.OnPostgres;

/** {@link UsageMeterTest} on a PostgreSQL team database (V113 and the counting upsert). */
@OnPostgres
class UsageMeterPgTest extends UsageMeterTest {}
