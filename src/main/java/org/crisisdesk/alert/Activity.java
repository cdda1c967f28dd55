package org.crisisdesk.alert;

import java.time.Instant;

/**
 * What one evaluation knows about a category: its last notice and the mention counts in the windows the rules asked
 * for. Counted by the database; no mention is loaded.
 *
 * @param lastNotice null when the category never had a posted notice
 * @param volume mentions created since max(now - W, last notice)
 * @param recent mentions created in the spike's recent window (since the last notice at most)
 * @param baseline mentions created in the spike's trailing baseline before the recent window
 * @param historyFrom the desk's oldest mention (null when empty): a baseline needs history to mean something
 */
public record Activity(long categoryId, String name, NoticeRef lastNotice, long volume, long recent, long baseline,
        Instant historyFrom) {}
