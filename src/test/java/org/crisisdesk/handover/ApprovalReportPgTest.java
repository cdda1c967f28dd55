package org.crisisdesk.handover;

import org.crisisdesk.testing.OnPostgres;

/** {@link ApprovalReportTest} on a PostgreSQL team database. */
@OnPostgres
class ApprovalReportPgTest extends ApprovalReportTest {}
