package org.crisisdesk.desk.boards;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;

/** One board column: a category (null for Unsorted), the newest of its mentions, and its total. FX thread only. */
public final class ColumnModel {
    /** Cards held per column; older ones stay in the store. */
    public static final int WINDOW = 10_000;

    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final ObservableList<StoredMention> items = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty();

    public ColumnModel(Category category) {
        this.category.set(category);
    }

    /** Null for the Unsorted column. */
    public Category category() {
        return category.get();
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public Long categoryId() {
        return category.get() == null ? null : category.get().id();
    }

    public boolean unsorted() {
        return category.get() == null;
    }

    public ObservableList<StoredMention> items() {
        return items;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public boolean holds(StoredMention m) {
        Long id = categoryId();
        return id == null ? m.categoryId() == null : id.equals(m.categoryId());
    }
}
