-- Issue #8: the triage engine reads the labels (mentions a person or a labelled file put in a category: assigned_by
-- MANUAL or IMPORT) at every start. Without an index that read every mention (1-2 s at a million rows, competing
-- with the first paint), though labels are a small part of a crisis desk. TriageModelStore reads them off this index.
CREATE INDEX mention_assigned_by_idx ON mention (assigned_by);
