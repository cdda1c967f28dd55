package org.crisisdesk.desk.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The card's text drops the joiners JavaFX cannot wrap (drawn in {@code MentionCardTest}). */
class CardTextTest {

    @Test
    void joinersBetweenEmojiAreDroppedAndBetweenLettersKept() {
        String text = "@desk_official 아까 보낸 DM 아직 안 읽으셨네요. 진짜 너무하네요🙅🏻\u200d♀️ 언제 답장 주시나요";
        assertThat(CardText.forDisplay(text)).isEqualTo(text.replace("\u200d", ""));
        assertThat(CardText.forDisplay("क्ष\u200dत्र")).as("a joiner between letters stays").contains("\u200d");
        assertThat(CardText.forDisplay("👨\u200d👩\u200d👧")).isEqualTo("👨👩👧");
    }
}
