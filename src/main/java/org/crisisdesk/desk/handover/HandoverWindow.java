package org.crisisdesk.desk.handover;

import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.handover.HandoverReport.PostedNotice;

/** The review screen in its own window (so it can sit on a second monitor at shift change). */
public final class HandoverWindow {
    private HandoverWindow() {}

    /**
     * Opens the review of the shift just ending.
     *
     * @param onShowCategory asked to show a category's board column
     * @param shiftModel     told when someone takes the desk
     * @param onShowNotice   asked to show a notice (its category's column and notice timeline)
     */
    public static Stage open(Window owner, Services services, Background background, DeskContext ctx,
            ShiftViewModel shiftModel, Consumer<Long> onShowCategory, Consumer<PostedNotice> onShowNotice) {
        HandoverViewModel model = new HandoverViewModel(services.handover(), services.shifts(), background, ctx);
        model.setOnDeskTaken(shiftModel::changed);
        HandoverView view = new HandoverView(ctx, model);
        view.setOnShowCategory(onShowCategory);
        view.setOnShowNotice(onShowNotice);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(view, 1180, 860);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        // Esc closes the review like every dialog (F1 says so), wherever the focus is inside it (issue #26)
        view.setOnClose(stage::close);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setTitle(ctx.t("handover.title"));
        // corrected shift times (from the shift menu) change the report's window: build it again
        javafx.beans.value.ChangeListener<Number> corrected = (o, a, b) -> model.reloadShift();
        shiftModel.correctionsProperty().addListener(corrected);
        // notes saved at another desk on the same database show here (issue 21)
        javafx.beans.value.ChangeListener<Number> notesElsewhere = (o, a, b) -> model.notesChangedElsewhere();
        shiftModel.notesElsewhereProperty().addListener(notesElsewhere);
        stage.setOnHidden(e -> {
            shiftModel.correctionsProperty().removeListener(corrected);
            shiftModel.notesElsewhereProperty().removeListener(notesElsewhere);
            model.flushNotes();
        });
        stage.show();
        model.load();
        return stage;
    }
}
