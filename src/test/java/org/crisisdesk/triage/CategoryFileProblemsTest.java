package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * docs/formats.md promises a categories file with problems lists every problem with its category; a hostile drill's
 * file with four got only the first ("Category #2: A category name can have at most 60 characters").
 */
class CategoryFileProblemsTest {

    @Test
    void everyProblemOfTheFileIsListedWithItsCategory() {
        String json = "{\"format\":\"crisisdesk-categories/1\",\"categories\":["
                + "{\"name\":\"ok\",\"keywords\":[\"배송\"]},"
                + "{\"name\":\"" + "x".repeat(61) + "\"},"
                + "{\"name\":\"b\",\"color\":\"red\"},"
                + "{\"name\":\"c\",\"keywords\":[1,2,{}]},"
                + "{\"name\":\"d\",\"regex\":[\"[\"]},"
                + "{\"name\":\"ok\"},"
                + "7]}";
        assertThatThrownBy(() -> CategoryFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("Category #2: A category name can have at most 60 characters")
                .hasMessageContaining("Category \"b\": colour must look like #1A2B3C")
                .hasMessageContaining("Category \"c\": \"keywords\" must be a list of strings")
                .hasMessageContaining("\"d\"")
                .hasMessageContaining("Category \"ok\" appears twice in the file")
                .hasMessageContaining("Category #7 is not an object");
    }
}
