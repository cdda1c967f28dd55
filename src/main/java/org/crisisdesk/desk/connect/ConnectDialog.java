package org.crisisdesk.desk.connect;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.crisisdesk.desk.kit.DeskCss;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.Secrets;

/**
 * The "Connect X account" dialog: four keys (secrets in password fields, only their last four characters shown
 * beside them), API generation, optional compatible server, a Verify button that shows the account or X's own
 * refusal, and Save, which writes twitter4j.properties and closes. Builds nodes and binds; the work is in
 * {@link ConnectViewModel}.
 */
public final class ConnectDialog extends Dialog<ButtonType> {
    private final ConnectViewModel model;

    /** Space between the dialog's edge and its labels and fields. */
    static final double EDGE = 16;

    public ConnectDialog(DeskContext ctx, ConnectViewModel model) {
        this.model = model;
        setTitle(ctx.t("connect.title"));
        setHeaderText(ctx.t("connect.header"));
        setGraphic(Icons.of("mdi2t-twitter"));
        setResizable(true);
        getDialogPane().setId("connect-dialog");
        getDialogPane().getStylesheets().add(DeskCss.url());
        getDialogPane().getStylesheets().add(ConnectDialog.class.getResource("connect.css").toExternalForm());

        TextField consumerKey = field(new TextField(), "connect-consumer-key", model.consumerKeyProperty());
        PasswordField consumerSecret = field(new PasswordField(), "connect-consumer-secret",
                model.consumerSecretProperty());
        TextField accessToken = field(new TextField(), "connect-access-token", model.accessTokenProperty());
        PasswordField accessSecret = field(new PasswordField(), "connect-access-secret",
                model.accessTokenSecretProperty());
        ChoiceBox<ApiVersion> api = new ChoiceBox<>();
        api.setId("connect-api");
        api.getItems().addAll(ApiVersion.values());
        api.valueProperty().bindBidirectional(model.apiProperty());
        api.setConverter(new StringConverter<>() {
            @Override
            public String toString(ApiVersion v) {
                return v == null ? "" : ctx.t("connect.api." + (v == ApiVersion.V2 ? "v2" : "v11"));
            }

            @Override
            public ApiVersion fromString(String s) {
                return ApiVersion.parse(s);
            }
        });
        TextField base = field(new TextField(), "connect-base", model.apiBaseProperty());
        base.setPromptText(ctx.t("connect.base.prompt"));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a label is never cut
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setMinWidth(320);
        grid.getColumnConstraints().addAll(labels, inputs, new ColumnConstraints());
        int row = 0;
        grid.addRow(row++, new Label(ctx.t("connect.consumerKey")), consumerKey);
        grid.addRow(row++, new Label(ctx.t("connect.consumerSecret")), consumerSecret,
                maskOf(model.consumerSecretProperty(), "connect-consumer-secret-mask"));
        grid.addRow(row++, new Label(ctx.t("connect.accessToken")), accessToken);
        grid.addRow(row++, new Label(ctx.t("connect.accessTokenSecret")), accessSecret,
                maskOf(model.accessTokenSecretProperty(), "connect-access-secret-mask"));
        grid.addRow(row++, new Label(ctx.t("connect.api")), api);
        grid.addRow(row++, new Label(ctx.t("connect.base")), base);

        Button verify = new Button(ctx.t("connect.verify"), Icons.of("mdi2a-account-check"));
        verify.setId("connect-verify");
        verify.disableProperty().bind(model.busyProperty().or(model.incomplete()));
        verify.setOnAction(e -> model.verify());
        Label result = new Label();
        result.setId("connect-result");
        result.setWrapText(true);
        result.textProperty().bind(model.messageProperty());
        model.stateProperty().addListener((o, a, s) -> {
            result.getStyleClass().removeAll("connect-ok", "connect-error");
            if (s == ConnectViewModel.State.VERIFIED || s == ConnectViewModel.State.SAVED) {
                result.getStyleClass().add("connect-ok");
            } else if (s == ConnectViewModel.State.FAILED) {
                result.getStyleClass().add("connect-error");
            }
        });
        HBox.setHgrow(result, Priority.ALWAYS);
        HBox verifyRow = new HBox(10, verify, result);
        Label reach = new Label();
        reach.setId("connect-reach");
        reach.setWrapText(true);
        reach.textProperty().bind(model.reachProperty());
        reach.managedProperty().bind(reach.textProperty().isNotEmpty());
        reach.visibleProperty().bind(reach.managedProperty());
        Label apiWarning = new Label();
        apiWarning.setId("connect-api-warning");
        apiWarning.setWrapText(true);
        apiWarning.getStyleClass().add("connect-error");
        apiWarning.textProperty().bind(model.apiWarningProperty());
        apiWarning.managedProperty().bind(apiWarning.textProperty().isNotEmpty());
        apiWarning.visibleProperty().bind(apiWarning.managedProperty());

        TextField clientId = field(new TextField(), "connect-client-id", model.clientIdProperty());
        clientId.setPromptText(ctx.t("connect.oauth2.clientId.prompt"));
        HBox.setHgrow(clientId, Priority.ALWAYS);
        Button signIn = new Button(ctx.t("connect.oauth2.signIn"), Icons.of("mdi2l-login"));
        signIn.setId("connect-sign-in");
        signIn.disableProperty().bind(model.busyProperty().or(model.clientIdProperty().isEmpty()));
        signIn.setOnAction(e -> model.signIn());
        Label oauth2 = new Label(ctx.t("connect.oauth2.title"));
        oauth2.getStyleClass().add("connect-note");
        oauth2.setWrapText(true);
        HBox signInRow = new HBox(10, new Label(ctx.t("connect.oauth2.clientId")), clientId, signIn);
        signInRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label note = new Label(ctx.t("connect.note"));
        note.getStyleClass().add("connect-note");
        note.setWrapText(true);
        VBox content = new VBox(12, oauth2, signInRow, new javafx.scene.control.Separator(), grid, apiWarning,
                verifyRow, reach, note);
        // the warning and the reach lines come and go: grow (and shrink) the window so Save stays in view
        for (var p : java.util.List.of(model.reachProperty(), model.apiWarningProperty())) {
            p.addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
                if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                    getDialogPane().getScene().getWindow().sizeToScene();
                }
            }));
        }
        // room on both sides: the labels and the masks touched the dialog's edge (issue #26)
        content.setPadding(new Insets(8, EDGE, 4, EDGE));
        content.setPrefWidth(620);
        getDialogPane().setContent(content);

        ButtonType save = new ButtonType(ctx.t("connect.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        org.crisisdesk.desk.kit.DialogWords.localize(getDialogPane(), ctx);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("connect-save");
        saveButton.disableProperty().bind(model.busyProperty().or(model.incomplete()));
        // Save writes the file off the FX thread and closes only once it is written.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.save(() -> {
                setResult(save);
                close();
            });
        });
        setOnShown(e -> consumerKey.requestFocus());
    }

    public ConnectViewModel model() {
        return model;
    }

    /** Opens the dialog over {@code owner}, filled from the home's saved settings. */
    public static ConnectDialog open(DeskContext ctx, org.crisisdesk.desk.kit.Background background,
            java.nio.file.Path home, javafx.stage.Window owner) {
        ConnectDialog d = new ConnectDialog(ctx, new ConnectViewModel(ctx, background, home, ctx.clock()));
        if (owner != null) {
            d.initOwner(owner);
        }
        d.model().load();
        d.show();
        return d;
    }

    private static <T extends TextInputControl> T field(T field, String id, javafx.beans.property.StringProperty p) {
        field.setId(id);
        field.textProperty().bindBidirectional(p);
        return field;
    }

    private static Label maskOf(javafx.beans.property.StringProperty secret, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("connect-mask");
        l.textProperty().bind(Bindings.createStringBinding(() -> Secrets.mask(secret.get()), secret));
        return l;
    }
}
