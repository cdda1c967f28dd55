package org.crisisdesk.triage;

/** How many of an actor's gestures can be undone and redone now. */
public record UndoState(int undoable, int redoable) {
    public static final UndoState NONE = new UndoState(0, 0);

    public boolean canUndo() {
        return undoable > 0;
    }

    public boolean canRedo() {
        return redoable > 0;
    }
}
