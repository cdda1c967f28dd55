package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.CategoryFile;
import org.junit.jupiter.api.Test;

class CategoriesCommandTest {
    private final Path home = TempDesk.newHome();

    private List<Category> active() {
        try (Services s = TempDesk.open(home, TempDesk.fixed("2026-10-17T00:00:00Z"))) {
            return s.categories().active();
        }
    }

    @Test
    void exportWritesEveryActiveCategoryAndImportMergesByName() throws Exception {
        Path file = home.resolve("categories.json");
        CliRun export = CliRun.of("--home", home.toString(), "categories", "export", "--out", file.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.err()).contains("exported 8 categories");
        List<CategoryFile.Spec> specs;
        try (InputStream in = Files.newInputStream(file)) {
            specs = CategoryFile.read(in);
        }
        assertThat(specs).extracting(CategoryFile.Spec::name).containsExactly("배송 지연", "개통 오류", "요금·유심 루머",
                "사전예약·등록", "매장 재고", "칭찬", "스팸·잡음", "고객센터");
        assertThat(specs.get(7).kind()).isEqualTo(Category.Kind.CUSTOMER_CENTRE);
        assertThat(Files.readString(file)).contains("\"format\" : \"crisisdesk-categories/1\"", "오전\\\\s*도착");

        // A team edits the file before the launch: new rules for one category, one new category.
        String edited = Files.readString(file, StandardCharsets.UTF_8)
                .replace("\"배송\", \"택배\"", "\"배송\", \"택배\", \"출고\"")
                .replace("\"categories\" : [", "\"categories\" : [ {\"name\": \"발열\", \"color\": \"#E03131\", "
                        + "\"keywords\": [\"발열\", \"뜨거워\"], \"regex\": [\"배터리\\\\s*(부풀|팽창)\"]},");
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        CliRun imp = CliRun.of("--home", home.toString(), "categories", "import", file.toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("created 1, updated 1, restored 0, unchanged 7", "created: 발열",
                "updated: 배송 지연");

        List<Category> after = active();
        assertThat(after).hasSize(9);
        assertThat(after.get(8).name()).isEqualTo("발열"); // new ones go to the end of the board
        assertThat(after.get(8).rules().regexes()).containsExactly("배터리\\s*(부풀|팽창)");
        assertThat(after.get(0).rules().keywords()).contains("출고");

        CliRun again = CliRun.of("--home", home.toString(), "categories", "import", file.toString());
        assertThat(again.out()).contains("created 0, updated 0, restored 0, unchanged 9");
    }

    @Test
    void anInvalidFileChangesNothingAndSaysWhy() throws Exception {
        Path file = home.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"crisisdesk-categories/1\", \"categories\": ["
                + "{\"name\": \"새 카테고리\", \"keywords\": [\"a\"]},"
                + "{\"name\": \"개통 오류\", \"color\": \"#C2255C\", \"regex\": [\"개통(실패\"]}]}");
        CliRun r = CliRun.of("--home", home.toString(), "categories", "import", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("Category \"개통 오류\": regular expression \"개통(실패\" is invalid");
        assertThat(active()).extracting(Category::name).doesNotContain("새 카테고리");

        Files.writeString(file, "{\"format\": \"crisisdesk-categories/9\", \"categories\": []}");
        assertThat(CliRun.of("--home", home.toString(), "categories", "import", file.toString()).err())
                .contains("Unsupported categories file format \"crisisdesk-categories/9\"");
        assertThat(CliRun.of("--home", home.toString(), "categories", "import", home.resolve("none.json").toString())
                .err()).contains("none.json: no such file");
    }

    @Test
    void exportWithoutOutWritesToStandardOutput() {
        CliRun r = CliRun.of("--home", home.toString(), "categories", "export");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"name\" : \"고객센터\"");
    }
}
