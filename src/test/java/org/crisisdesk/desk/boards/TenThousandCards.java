package org.crisisdesk.desk.boards;

import atlantafx.base.theme.PrimerLight;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;

/** A board whose 배송 지연 column holds 10,000 cards (in memory; the store is not involved in scrolling). */
final class TenThousandCards {
    static final int CARDS = 10_000;
    final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T09:00:00Z"));
    final Services services = TempDesk.open(TempDesk.newHome(), clock);
    BoardsViewModel model;
    ListView<StoredMention> list;

    void show(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), clock, ZoneId.of("Asia/Seoul"));
        model = new BoardsViewModel(services.mentions(), services.categories(), services.triage(),
                services.background(), ctx, () -> "bench");
        Category delivery = services.categories().byName("배송 지연").orElseThrow();
        ctx.categories().put(delivery.id(), delivery);
        ColumnModel col = new ColumnModel(delivery);
        List<StoredMention> items = new ArrayList<>(CARDS);
        String[] texts = {"@desk_official 택배 언제 와요? 오전 도착이라더니 아직도 조회가 안 돼요. 오늘 안에 오긴 하나요?",
            "@desk_official 송장 조회 안 됨", "@desk_official where is my parcel? tracking has not moved since yesterday "
                + "morning and nobody answers the phone at the courier. This is the third time I ask."};
        for (int i = 0; i < CARDS; i++) {
            Mention m = new Mention("x", String.valueOf(100_000 + i), clock.instant().minusSeconds(i * 7L),
                    "user" + i, "고객 " + i, i % 3 == 2 ? "en" : "ko", texts[i % texts.length], null, null, null);
            items.add(new StoredMention(CARDS - i, m, m.createdAt(), delivery.id(), "MANUAL", null, null, null, null));
        }
        col.items().setAll(items);
        col.totalProperty().set(CARDS);
        model.columns().setAll(col);
        BoardsView view = new BoardsView(ctx, model);
        Scene scene = new Scene(view, 420, 760);
        scene.getStylesheets().add(MainWindow.class.getResource("desk.css").toExternalForm());
        view.installKeys(scene);
        stage.setScene(scene);
        stage.show();
        list = view.list(delivery.id());
    }

    void close() {
        services.close();
    }
}
