package org.crisisdesk.store;

import org.crisisdesk.testing.OnPostgres;

/** {@link TeamNoticeShiftChangesTest} on PostgreSQL: two sessions on one team database, woken by LISTEN/NOTIFY. */
@OnPostgres
class TeamNoticeShiftChangesPgTest extends TeamNoticeShiftChangesTest {}
