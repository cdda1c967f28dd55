package org.crisisdesk.desk.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.crisisdesk.alert.delivery.AlertChannel;
import org.crisisdesk.alert.delivery.AlertDispatcher;
import org.crisisdesk.alert.delivery.AlertRoute;
import org.crisisdesk.alert.delivery.ChannelSettings;
import org.crisisdesk.alert.delivery.DeliveryConfig;
import org.crisisdesk.alert.delivery.SmtpSettings;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;

/**
 * The settings' "Delivery" section (issue 25): the SMTP server and the addresses alert e-mail goes to, the webhook
 * channels (Slack-compatible or generic JSON, with an optional signing secret), the routes (per alert rule: its
 * channels in escalation order, from which level, quiet hours and the level that overrides them, and after how many
 * minutes unacknowledged the next channel is told), and a test message on any channel with its result. Passwords, webhook URLs and secrets go to {@code HOME/alert-channels.properties} (0600) through
 * {@link ChannelSettings}; the fields never show a stored one, only whether there is one. All reads and writes run on
 * the background executor.
 */
public final class DeliverySettingsPane {
    /** The e-mail channel this section edits (the CLI may add more). */
    public static final String MAIL_CHANNEL = "mail";

    private final DeskContext ctx;
    private final ChannelSettings channels;
    private final Supplier<AlertDispatcher> dispatcher;
    private final Background background;
    private final boolean drill;

    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final ChoiceBox<String> security = new ChoiceBox<>();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final VBox hookList = new VBox(4);
    private final TextField hookName = new TextField();
    private final ChoiceBox<AlertChannel.Type> hookType = new ChoiceBox<>();
    private final PasswordField hookUrl = new PasswordField();
    private final PasswordField hookSecret = new PasswordField();
    private final VBox routeList = new VBox(4);
    private final ChoiceBox<String> routeRule = new ChoiceBox<>();
    private final TextField routeChannels = new TextField();
    private final ChoiceBox<Integer> routeMinLevel = new ChoiceBox<>();
    private final TextField quietFrom = new TextField();
    private final TextField quietTo = new TextField();
    private final ChoiceBox<Integer> urgentLevel = new ChoiceBox<>();
    private final TextField escalateAfter = new TextField();
    private final ChoiceBox<String> testChannel = new ChoiceBox<>();
    private final Label status = new Label();
    private final Label testResult = new Label();

    public DeliverySettingsPane(DeskContext ctx, ChannelSettings channels, Supplier<AlertDispatcher> dispatcher,
            Background background, boolean drill) {
        this.ctx = ctx;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.background = background;
        this.drill = drill;
    }

    public Node build() {
        host.setId("delivery-smtp-host");
        port.setId("delivery-smtp-port");
        port.setPrefColumnCount(6);
        security.setId("delivery-smtp-security");
        security.getItems().setAll("STARTTLS", "SSL", "NONE");
        security.setValue("STARTTLS");
        user.setId("delivery-smtp-user");
        password.setId("delivery-smtp-password");
        from.setId("delivery-smtp-from");
        to.setId("delivery-mail-to");
        to.setPromptText("lead@example.com, duty@example.com");
        Button saveMail = new Button(ctx.t("delivery.mail.save"));
        saveMail.setId("delivery-mail-save");
        saveMail.setOnAction(e -> saveMail());

        hookName.setId("delivery-hook-name");
        hookName.setPromptText("slack");
        hookType.setId("delivery-hook-type");
        hookType.getItems().setAll(AlertChannel.Type.SLACK, AlertChannel.Type.WEBHOOK);
        hookType.setValue(AlertChannel.Type.SLACK);
        hookUrl.setId("delivery-hook-url");
        hookUrl.setPromptText("https://hooks.slack.com/services/…");
        hookSecret.setId("delivery-hook-secret");
        hookSecret.setPromptText(ctx.t("delivery.hook.secret.prompt"));
        Button addHook = new Button(ctx.t("delivery.hook.add"), Icons.of("mdi2p-plus"));
        addHook.setId("delivery-hook-add");
        addHook.setOnAction(e -> addHook());
        hookList.setId("delivery-hooks");

        routeList.setId("delivery-routes");
        routeRule.setId("delivery-route-rule");
        routeRule.getItems().setAll(RULES);
        routeRule.setValue("*");
        routeRule.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String r) {
                return r == null ? "" : ruleName(r);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        routeRule.valueProperty().addListener((o, was, rule) -> fillRoute(rule));
        routeChannels.setId("delivery-route-channels");
        routeChannels.setPromptText("mail, slack");
        routeMinLevel.setId("delivery-route-min-level");
        routeMinLevel.getItems().setAll(1, 2, 3);
        routeMinLevel.setValue(1);
        quietFrom.setId("delivery-route-quiet-from");
        quietFrom.setPromptText("23:00");
        quietFrom.setPrefColumnCount(5);
        quietTo.setId("delivery-route-quiet-to");
        quietTo.setPromptText("07:00");
        quietTo.setPrefColumnCount(5);
        urgentLevel.setId("delivery-route-urgent-level");
        urgentLevel.getItems().setAll(1, 2, 3, 4);
        urgentLevel.setValue(3);
        escalateAfter.setId("delivery-route-escalate");
        escalateAfter.setPromptText(ctx.t("delivery.route.escalate.prompt"));
        escalateAfter.setPrefColumnCount(5);
        Button saveRoute = new Button(ctx.t("delivery.route.save"));
        saveRoute.setId("delivery-route-save");
        saveRoute.setOnAction(e -> saveRoute());

        testChannel.setId("delivery-test-channel");
        Button test = new Button(ctx.t("delivery.test"), Icons.of("mdi2s-send"));
        test.setId("delivery-test");
        test.setOnAction(e -> sendTest(test));
        testResult.setId("delivery-test-result");
        testResult.setWrapText(true);
        status.setId("delivery-status");
        status.setWrapText(true);
        status.getStyleClass().add("settings-note");

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints(150);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        int row = 0;
        row = heading(grid, row, "delivery.mail.title");
        row = add(grid, row, "delivery.smtp.host", new HBox(8, host, new Label(ctx.t("delivery.smtp.port")), port,
                security));
        HBox.setHgrow(host, Priority.ALWAYS);
        row = add(grid, row, "delivery.smtp.user", user);
        row = add(grid, row, "delivery.smtp.password", password);
        row = add(grid, row, "delivery.smtp.from", from);
        row = add(grid, row, "delivery.mail.to", to);
        grid.add(saveMail, 1, row++);
        row = heading(grid, row, "delivery.hook.title");
        grid.add(hookList, 1, row++);
        row = add(grid, row, "delivery.hook.name", new HBox(8, hookName, hookType));
        row = add(grid, row, "delivery.hook.url", hookUrl);
        row = add(grid, row, "delivery.hook.secret", hookSecret);
        grid.add(addHook, 1, row++);
        row = heading(grid, row, "delivery.route.title");
        grid.add(routeList, 1, row++);
        row = add(grid, row, "delivery.route.rule", routeRule);
        row = add(grid, row, "delivery.route.channels", routeChannels);
        row = add(grid, row, "delivery.route.minLevel", routeMinLevel);
        HBox quiet = new HBox(8, quietFrom, new Label("–"), quietTo, new Label(ctx.t("delivery.route.urgent")),
                urgentLevel);
        quiet.setAlignment(Pos.CENTER_LEFT);
        row = add(grid, row, "delivery.route.quiet", quiet);
        row = add(grid, row, "delivery.route.escalate", escalateAfter);
        grid.add(saveRoute, 1, row++);
        row = heading(grid, row, "delivery.test.title");
        HBox testRow = new HBox(8, testChannel, test);
        testRow.setAlignment(Pos.CENTER_LEFT);
        grid.add(testRow, 1, row++);
        grid.add(testResult, 1, row++);
        Label note = new Label(ctx.t(drill ? "delivery.note.drill" : "delivery.note", channels.secretFile()));
        note.setWrapText(true);
        note.getStyleClass().add("settings-note");
        grid.add(note, 1, row++);
        grid.add(status, 1, row);
        GridPane.setMargin(saveMail, new Insets(4, 0, 0, 0));
        load();
        return grid;
    }

    /** What is stored now, and whether each secret is (never its value). */
    private record Shown(DeliveryConfig config, boolean smtpPassword, List<String[]> hooks) {}

    private void load() {
        background.run(() -> {
            DeliveryConfig c = channels.config();
            List<String[]> hooks = c.channels().stream().filter(ch -> ch.type() != AlertChannel.Type.EMAIL)
                    .map(ch -> new String[] {ch.name(), ch.type().name(), channels.hasUrl(ch.name()) ? "1" : "",
                        channels.hasSecret(ch.name()) ? "1" : ""})
                    .toList();
            return new Shown(c, channels.hasSmtpPassword(), hooks);
        }).onSuccess(this::show).onFailure(err -> status.setText(ctx.t("delivery.failed", err.getMessage())));
    }

    private void show(Shown s) {
        SmtpSettings smtp = s.config().smtp();
        if (smtp != null) {
            host.setText(smtp.host());
            port.setText(Integer.toString(smtp.port()));
            security.setValue(smtp.security() == null ? "STARTTLS" : smtp.security());
            user.setText(smtp.user() == null ? "" : smtp.user());
            from.setText(smtp.from() == null ? "" : smtp.from());
        } else if (port.getText().isBlank()) {
            port.setText("587");
        }
        password.clear();
        password.setPromptText(ctx.t(s.smtpPassword() ? "delivery.secret.stored" : "delivery.secret.none"));
        s.config().channel(MAIL_CHANNEL).ifPresent(ch -> to.setText(String.join(", ", ch.to())));
        hookList.getChildren().clear();
        for (String[] h : s.hooks()) {
            Label l = new Label(ctx.t("delivery.hook.line", h[0], h[1], ctx.t(h[2].isEmpty() ? "delivery.hook.noUrl"
                    : "delivery.hook.urlStored"), ctx.t(h[3].isEmpty() ? "delivery.hook.noSecret"
                    : "delivery.hook.secretStored")));
            Button remove = new Button(null, Icons.of("mdi2d-delete-outline"));
            remove.setId("delivery-hook-remove-" + h[0]);
            remove.setAccessibleText(ctx.t("delivery.hook.remove", h[0]));
            remove.setTooltip(new javafx.scene.control.Tooltip(ctx.t("delivery.hook.remove", h[0])));
            String name = h[0];
            remove.setOnAction(e -> background.run(() -> channels.removeChannel(name)).onSuccess(x -> {
                status.setText(ctx.t("delivery.hook.removed", name));
                load();
            }).onFailure(err -> status.setText(ctx.t("delivery.failed", err.getMessage()))));
            HBox line = new HBox(8, l, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            hookList.getChildren().add(line);
        }
        routes = s.config().routes();
        routeList.getChildren().clear();
        if (routes.isEmpty()) {
            routeList.getChildren().add(new Label(ctx.t("delivery.route.none")));
        }
        for (AlertRoute r : routes) {
            Label l = new Label(routeLine(r));
            l.setId("delivery-route-line-" + ruleId(r.reason()));
            l.setWrapText(true);
            Button edit = new Button(null, Icons.of("mdi2p-pencil-outline"));
            edit.setId("delivery-route-edit-" + ruleId(r.reason()));
            edit.setAccessibleText(ctx.t("delivery.route.edit", ruleName(r.reason())));
            edit.setTooltip(new javafx.scene.control.Tooltip(ctx.t("delivery.route.edit", ruleName(r.reason()))));
            edit.setOnAction(e -> {
                routeRule.setValue(r.reason());
                fillRoute(r.reason());
            });
            Button remove = new Button(null, Icons.of("mdi2d-delete-outline"));
            remove.setId("delivery-route-remove-" + ruleId(r.reason()));
            remove.setAccessibleText(ctx.t("delivery.route.remove", ruleName(r.reason())));
            remove.setTooltip(new javafx.scene.control.Tooltip(ctx.t("delivery.route.remove", ruleName(r.reason()))));
            remove.setOnAction(e -> background.run(() -> channels.putRoute(new AlertRoute(r.reason(), List.of(), 1,
                    null, null, 3, null))).onSuccess(x -> {
                        status.setText(ctx.t("delivery.route.removed", ruleName(r.reason())));
                        load();
                    }).onFailure(err -> status.setText(ctx.t("delivery.failed", err.getMessage()))));
            HBox line = new HBox(8, l, edit, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            routeList.getChildren().add(line);
        }
        fillRoute(routeRule.getValue());
        String chosen = testChannel.getValue();
        testChannel.getItems().setAll(s.config().channels().stream().map(AlertChannel::name).toList());
        testChannel.setValue(chosen != null && testChannel.getItems().contains(chosen) ? chosen
                : testChannel.getItems().isEmpty() ? null : testChannel.getItems().get(0));
    }

    private void saveMail() {
        String h = host.getText().strip();
        String p = port.getText().strip();
        String sec = security.getValue();
        String u = user.getText().strip();
        String pw = password.getText();
        String f = from.getText().strip();
        List<String> addresses = Arrays.stream(to.getText().split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
        background.run(() -> {
            int portNumber;
            try {
                portNumber = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ctx.t("delivery.smtp.badPort"));
            }
            channels.putSmtp(new SmtpSettings(h, portNumber, sec, u.isEmpty() ? null : u, f),
                    pw.isEmpty() ? null : pw);
            if (addresses.isEmpty()) {
                channels.removeChannel(MAIL_CHANNEL);
            } else {
                channels.putChannel(new AlertChannel(MAIL_CHANNEL, AlertChannel.Type.EMAIL, addresses), null, null,
                        "*");
            }
            return Boolean.TRUE;
        }).onSuccess(x -> {
            status.setText(ctx.t("delivery.mail.saved"));
            load();
        }).onFailure(err -> status.setText(ctx.t("delivery.failed", err.getMessage())));
    }

    private void addHook() {
        String name = hookName.getText().strip();
        AlertChannel.Type type = hookType.getValue();
        String url = hookUrl.getText().strip();
        String secret = hookSecret.getText();
        background.run(() -> {
            if (url.isEmpty() && !channels.hasUrl(name)) {
                throw new IllegalArgumentException(ctx.t("delivery.hook.urlMissing"));
            }
            channels.putChannel(new AlertChannel(name, type, null), url.isEmpty() ? null : url,
                    secret.isEmpty() ? null : secret, "*");
            return Boolean.TRUE;
        }).onSuccess(x -> {
            hookName.clear();
            hookUrl.clear();
            hookSecret.clear();
            status.setText(ctx.t("delivery.hook.added", name));
            load();
        }).onFailure(err -> status.setText(ctx.t("delivery.failed", err.getMessage())));
    }

    /** The rules a route can be for: {@code *} is every rule without a route of its own. */
    static final List<String> RULES = List.of("*", "VOLUME", "CADENCE", "ETA_MISSED", "SPIKE", "BACKLOG");

    private List<AlertRoute> routes = List.of();

    private String ruleName(String rule) {
        return ctx.t("delivery.route.rule." + ruleId(rule));
    }

    private static String ruleId(String rule) {
        return "*".equals(rule) ? "any" : rule.toLowerCase(java.util.Locale.ROOT);
    }

    private String routeLine(AlertRoute r) {
        StringBuilder b = new StringBuilder(ctx.t("delivery.route.line", ruleName(r.reason()),
                String.join(" → ", r.channels()), r.minLevel()));
        if (r.quietFrom() != null) {
            b.append(" · ").append(ctx.t("delivery.route.line.quiet", r.quietFrom(), r.quietTo(), r.urgentLevel()));
        }
        if (r.escalateAfter() != null) {
            b.append(" · ").append(ctx.t("delivery.route.line.escalate", r.escalateAfter().toMinutes()));
        }
        return b.toString();
    }

    /** The editor shows the rule's route as stored, or an empty one. */
    private void fillRoute(String rule) {
        AlertRoute r = routes.stream().filter(x -> x.reason().equals(rule)).findFirst().orElse(null);
        routeChannels.setText(r == null ? "" : String.join(", ", r.channels()));
        routeMinLevel.setValue(r == null ? 1 : r.minLevel());
        quietFrom.setText(r == null || r.quietFrom() == null ? "" : r.quietFrom().toString());
        quietTo.setText(r == null || r.quietTo() == null ? "" : r.quietTo().toString());
        urgentLevel.setValue(r == null ? 3 : r.urgentLevel());
        escalateAfter.setText(r == null || r.escalateAfter() == null ? ""
                : Long.toString(r.escalateAfter().toMinutes()));
    }

    private void saveRoute() {
        String rule = routeRule.getValue();
        List<String> names = Arrays.stream(routeChannels.getText().split("[,;\\s]+")).filter(n -> !n.isBlank())
                .toList();
        int min = routeMinLevel.getValue();
        int urgent = urgentLevel.getValue();
        String qf = quietFrom.getText().strip();
        String qt = quietTo.getText().strip();
        String esc = escalateAfter.getText().strip();
        background.run(() -> {
            java.time.LocalTime from;
            java.time.LocalTime to;
            try {
                from = qf.isEmpty() ? null : java.time.LocalTime.parse(qf.length() == 4 ? "0" + qf : qf);
                to = qt.isEmpty() ? null : java.time.LocalTime.parse(qt.length() == 4 ? "0" + qt : qt);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(ctx.t("delivery.route.badQuiet"));
            }
            java.time.Duration after = null;
            if (!esc.isEmpty()) {
                try {
                    long m = Long.parseLong(esc);
                    if (m < 1) {
                        throw new NumberFormatException();
                    }
                    after = java.time.Duration.ofMinutes(m);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(ctx.t("delivery.route.badEscalate"));
                }
            }
            channels.putRoute(new AlertRoute(rule, names, min, from, to, urgent, after));
            return names.isEmpty();
        }).onSuccess(removed -> {
            status.setText(ctx.t(removed ? "delivery.route.removed" : "delivery.route.saved", ruleName(rule)));
            load();
        }).onFailure(err -> status.setText(ctx.t("delivery.failed", err.getMessage())));
    }

    private void sendTest(Button test) {
        String name = testChannel.getValue();
        if (name == null) {
            testResult.setText(ctx.t("delivery.test.none"));
            return;
        }
        if (drill) {
            testResult.setText(ctx.t("delivery.test.drill"));
            return;
        }
        test.setDisable(true);
        testResult.setText(ctx.t("delivery.test.sending", name));
        background.run(() -> {
            dispatcher.get().sendTest(name);
            return name;
        }).onSuccess(n -> {
            test.setDisable(false);
            testResult.setText(ctx.t("delivery.test.sent", n));
        }).onFailure(err -> {
            test.setDisable(false);
            testResult.setText(ctx.t("delivery.test.failed", name, err.getMessage()));
        });
    }

    private int heading(GridPane grid, int row, String key) {
        Label l = new Label(ctx.t(key));
        l.getStyleClass().add("pane-subtitle");
        grid.add(l, 0, row, 2, 1);
        GridPane.setMargin(l, new Insets(row == 0 ? 0 : 8, 0, 0, 0));
        return row + 1;
    }

    private int add(GridPane grid, int row, String key, Node input) {
        Label l = new Label(ctx.t(key));
        l.getStyleClass().add("settings-label");
        l.setLabelFor(input);
        grid.add(l, 0, row);
        grid.add(input, 1, row);
        return row + 1;
    }
}
