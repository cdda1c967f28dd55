package org.crisisdesk.desk.connect;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.source.twitter.AccessCheck;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XAccount;
import org.crisisdesk.source.twitter.XApiException;
import org.crisisdesk.source.twitter.XCredentials;
import org.crisisdesk.source.twitter.XSettings;

/**
 * "Connect X account": the four OAuth 1.0a keys, API generation and an optional compatible server; verifies them with
 * {@code /2/users/me} or {@code verify_credentials} and saves {@code twitter4j.properties} (0600) in the app home.
 * FX thread only; HTTP and file work go through {@link Background}.
 */
public final class ConnectViewModel {
    /** Where the dialog stands. */
    public enum State {
        EDITING,
        WORKING,
        VERIFIED,
        FAILED,
        SAVED
    }

    private final DeskContext ctx;
    private final Background background;
    private final Path home;
    private final Clock clock;
    private final StringProperty consumerKey = new SimpleStringProperty("");
    private final StringProperty consumerSecret = new SimpleStringProperty("");
    private final StringProperty accessToken = new SimpleStringProperty("");
    private final StringProperty accessTokenSecret = new SimpleStringProperty("");
    private final ObjectProperty<ApiVersion> api = new SimpleObjectProperty<>(ApiVersion.V2);
    private final StringProperty apiBase = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty reach = new SimpleStringProperty("");
    private final StringProperty apiWarning = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private java.net.URI oauth2Authorize = java.net.URI.create(org.crisisdesk.source.twitter.OAuth2SignIn.X_AUTHORIZE);
    private java.net.URI oauth2Token = java.net.URI.create(org.crisisdesk.source.twitter.OAuth2SignIn.X_TOKEN);
    private java.util.function.Consumer<java.net.URI> browser = ConnectViewModel::systemBrowser;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EDITING);
    private final ReadOnlyObjectWrapper<XAccount> account = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private List<String> keywords = List.of();

    public ConnectViewModel(DeskContext ctx, Background background, Path home, Clock clock) {
        this.ctx = ctx;
        this.background = background;
        this.home = home;
        this.clock = clock;
        // Any edit makes an earlier verification stale.
        for (var p : List.of(consumerKey, consumerSecret, accessToken, accessTokenSecret, apiBase)) {
            p.addListener((o, a, b) -> edited());
        }
        api.addListener((o, a, b) -> {
            edited();
            apiWarning.set(b == ApiVersion.V1_1 ? ctx.t("connect.api.v11.warning") : "");
        });
    }

    /** Fills the form from the home's file (and twitter4j's system properties / environment). */
    public void load() {
        busy.set(true);
        background.run(() -> TwitterProperties.load(home)).onSuccess(s -> {
            busy.set(false);
            XCredentials c = s.credentials();
            consumerKey.set(orEmpty(c.consumerKey()));
            consumerSecret.set(orEmpty(c.consumerSecret()));
            accessToken.set(orEmpty(c.accessToken()));
            accessTokenSecret.set(orEmpty(c.accessTokenSecret()));
            api.set(s.api());
            apiBase.set(orEmpty(s.apiBase()));
            keywords = s.keywords();
            state.set(State.EDITING);
            message.set(s.connected() ? ctx.t("connect.loaded") : "");
        }).onFailure(e -> {
            busy.set(false);
            message.set(ctx.t("connect.loadFailed", e.getMessage()));
        });
    }

    /** Asks X who these keys belong to, then which of mentions, search and posting they reach (see AccessCheck). */
    public void verify() {
        XSettings settings = settingsOrComplain();
        if (settings == null) {
            return;
        }
        working(ctx.t("connect.verifying"));
        background.run(() -> AccessCheck.run(settings, clock)).onSuccess(r -> {
            busy.set(false);
            XAccount a = r.account();
            account.set(a);
            state.set(State.VERIFIED);
            message.set(ctx.t("connect.verified", a.at(), a.name() == null ? "" : a.name()));
            showReach(r);
        }).onFailure(this::failed);
    }

    /**
     * "Sign in with X" (OAuth 2.0 with PKCE): opens the browser at X's consent page, waits for its answer on a
     * loopback port, saves the tokens owner-only in the home, then verifies like {@link #verify()}.
     */
    public void signIn() {
        String id = clientId.get() == null ? "" : clientId.get().strip();
        if (id.isEmpty()) {
            state.set(State.FAILED);
            message.set(ctx.t("connect.oauth2.noClientId"));
            return;
        }
        String base = apiBase.get();
        java.net.URI authorizeUri = oauth2Authorize;
        java.net.URI tokenUri = oauth2Token;
        java.util.function.Consumer<java.net.URI> open = browser;
        working(ctx.t("connect.oauth2.waiting"));
        background.run(() -> {
            var flow = new org.crisisdesk.source.twitter.OAuth2SignIn(id, authorizeUri, tokenUri, clock);
            var tokens = flow.signIn(open);
            tokens.save(home);
            var session = new org.crisisdesk.source.twitter.OAuth2Session(flow, home, tokens, clock);
            XSettings settings = new XSettings(XCredentials.NONE, ApiVersion.V2, base, keywords, null)
                    .withOAuth2(session);
            AccessCheck.Report r = AccessCheck.run(settings, clock);
            org.crisisdesk.source.twitter.OAuth2Tokens.saveAccount(home, id, r.account().id());
            return r;
        }).onSuccess(r -> {
            busy.set(false);
            account.set(r.account());
            api.set(ApiVersion.V2);
            state.set(State.SAVED);
            message.set(ctx.t("connect.oauth2.signedIn", r.account().at()));
            showReach(r);
        }).onFailure(e -> {
            if (e instanceof org.crisisdesk.source.twitter.OAuth2SignIn.OAuth2Exception o) {
                busy.set(false);
                state.set(State.FAILED);
                account.set(null);
                reach.set("");
                message.set(ctx.t("connect.oauth2." + o.kind().name(), o.getMessage()));
            } else {
                failed(e);
            }
        });
    }

    private void showReach(AccessCheck.Report r) {
        StringBuilder sb = new StringBuilder(ctx.t("connect.reach.title"));
        for (AccessCheck.Result x : r.results()) {
            sb.append('\n').append(ctx.t("connect.reach." + x.reach().name(), x.name(),
                    x.detail() == null ? "" : x.detail()));
        }
        reach.set(sb.toString());
    }

    /** Where the sign-in goes (X's endpoints unless a test points them elsewhere) and how the browser is opened. */
    public void oauth2(java.net.URI authorize, java.net.URI token, java.util.function.Consumer<java.net.URI> open) {
        this.oauth2Authorize = authorize;
        this.oauth2Token = token;
        this.browser = open;
    }

    /** The system browser through AWT's Desktop, on a background thread (never the FX thread). */
    private static void systemBrowser(java.net.URI uri) {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(uri);
                return;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through: the person can open it by hand
        }
        throw new IllegalStateException("No browser could be opened. Open this address yourself: " + uri);
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    /** Writes twitter4j.properties (owner-only); {@code onSaved} runs on the FX thread afterwards. */
    public void save(Runnable onSaved) {
        XSettings settings = settingsOrComplain();
        if (settings == null) {
            return;
        }
        working(ctx.t("connect.saving"));
        background.run(() -> {
            TwitterProperties.save(home, settings);
            return settings;
        }).onSuccess(v -> {
            busy.set(false);
            state.set(State.SAVED);
            XAccount a = account.get();
            message.set(ctx.t("connect.saved", a == null ? "" : a.at()));
            onSaved.run();
        }).onFailure(this::failed);
    }

    /** The form as settings, or null after telling the user what is missing. */
    XSettings settingsOrComplain() {
        XCredentials c = new XCredentials(consumerKey.get(), consumerSecret.get(), accessToken.get(),
                accessTokenSecret.get());
        if (!c.complete()) {
            state.set(State.FAILED);
            message.set(ctx.t("connect.missingKeys"));
            return null;
        }
        try {
            return new XSettings(c, api.get(), apiBase.get(), keywords, null);
        } catch (IllegalArgumentException e) {
            state.set(State.FAILED);
            message.set(ctx.t("connect.badBase", e.getMessage()));
            return null;
        }
    }

    private void working(String text) {
        busy.set(true);
        state.set(State.WORKING);
        message.set(text);
    }

    private void failed(Throwable e) {
        busy.set(false);
        state.set(State.FAILED);
        account.set(null);
        reach.set("");
        message.set(failure(e));
    }

    /** Each refusal its own message: re-entering keys helps only for the first. */
    String failure(Throwable e) {
        if (!(e instanceof XApiException x)) {
            return ctx.t("connect.failed", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        switch (x.kind()) {
            case CREDENTIALS:
                return ctx.t("connect.rejected", x.getMessage());
            case ACCESS_LEVEL:
                return ctx.t(x.getMessage().contains("453") ? "connect.accessLevel.v11" : "connect.accessLevel",
                        x.getMessage(), x.endpoint() == null ? "?" : x.endpoint());
            case USAGE_CAPPED:
                return ctx.t("connect.usageCapped", x.getMessage());
            case RATE_LIMITED:
                return ctx.t("connect.rateLimited", x.getMessage(), x.retryAt() == null ? "?"
                        : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ctx.zone())
                                .format(x.retryAt()));
            default:
                return ctx.t("connect.failed", x.getMessage());
        }
    }

    private void edited() {
        if (state.get() == State.VERIFIED || state.get() == State.SAVED || state.get() == State.FAILED) {
            state.set(State.EDITING);
            account.set(null);
            message.set("");
            reach.set("");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public StringProperty consumerKeyProperty() {
        return consumerKey;
    }

    public StringProperty consumerSecretProperty() {
        return consumerSecret;
    }

    public StringProperty accessTokenProperty() {
        return accessToken;
    }

    public StringProperty accessTokenSecretProperty() {
        return accessTokenSecret;
    }

    public ObjectProperty<ApiVersion> apiProperty() {
        return api;
    }

    public StringProperty apiBaseProperty() {
        return apiBase;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** After Verify: one line per endpoint the desk needs, whether the keys reach it. */
    public StringProperty reachProperty() {
        return reach;
    }

    /** A warning while v1.1 is chosen, else empty. */
    public StringProperty apiWarningProperty() {
        return apiWarning;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<XAccount> accountProperty() {
        return account.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** True while the four keys are not all filled in. */
    public BooleanBinding incomplete() {
        return Bindings.createBooleanBinding(
                () -> !new XCredentials(consumerKey.get(), consumerSecret.get(), accessToken.get(),
                        accessTokenSecret.get()).complete(),
                consumerKey, consumerSecret, accessToken, accessTokenSecret);
    }
}
