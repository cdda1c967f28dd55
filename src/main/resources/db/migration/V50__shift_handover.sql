-- Shift handover (issue 7). The V1 shift table already holds manager, start/end, scheduled times, notes and the
-- "I have the desk" acknowledgement; this adds when the notes were last saved, when a boundary was corrected after
-- the fact, and an index for "which shift covers this instant".
ALTER TABLE shift ADD COLUMN notes_updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE shift ADD COLUMN boundary_edited_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX shift_started_idx ON shift (started_at);
