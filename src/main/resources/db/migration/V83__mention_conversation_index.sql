-- Issue #3: the detail pane lists the other stored mentions of the opened mention's conversation. Without an index
-- that is a scan of every mention of the source (about a second at a million rows) each time a mention is opened,
-- and j/k opens one per key press. The conversation's first post itself is found by the (source, platform_id) key.
CREATE INDEX mention_conversation_idx ON mention (source, conversation_id);
