package org.crisisdesk.source;

import java.util.List;
import org.crisisdesk.mention.StoredMention;

/** Told about stored mentions and source state. Called on the pipeline thread: hand off, never block. */
public interface IngestListener {
    void ingested(List<StoredMention> mentions);

    default void status(String sourceName, SourceStatus status) {}
}
