package dev.sofia.agents.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTests {

    @Test
    void germanStreamedTokenByToken() {
        assertThat(split("Guten Tag, hier ist die Praxis Dr. Weber. Wie kann ich Ihnen helfen? "
                        + "Wir haben z. B. am 3. Mai um 10 Uhr einen Termin frei! Passt Ihnen das?"))
                .containsExactly(
                        "Guten Tag, hier ist die Praxis Dr. Weber.",
                        "Wie kann ich Ihnen helfen?",
                        "Wir haben z. B. am 3. Mai um 10 Uhr einen Termin frei!",
                        "Passt Ihnen das?");
    }

    @Test
    void germanDatesOrdinalsAndNumbersAbbreviated() {
        assertThat(split("Ihr Termin ist am 21.11. um halb zehn in Raum Nr. 4 im 2. Stock. Bis dann."))
                .containsExactly("Ihr Termin ist am 21.11. um halb zehn in Raum Nr. 4 im 2. Stock.", "Bis dann.");
    }

    @Test
    void englishWithTitlesAndInitials() {
        assertThat(split("Mrs. Smith can see Dr. J. Miller tomorrow. Does that work for you? Great!"))
                .containsExactly("Mrs. Smith can see Dr. J. Miller tomorrow.", "Does that work for you?", "Great!");
    }

    @Test
    void russianWithAbbreviations() {
        assertThat(split("Здравствуйте, это клиника на ул. Ленина. Врач принимает с 9 до 18, т. е. весь день. "
                        + "Вам удобно завтра?"))
                .containsExactly(
                        "Здравствуйте, это клиника на ул. Ленина.",
                        "Врач принимает с 9 до 18, т. е. весь день.",
                        "Вам удобно завтра?");
    }

    @Test
    void wordsThatLookLikeAbbreviationsStillEndSentences() {
        // "so" (Sonntag) and "no" (number) are ordinary words at a sentence's end.
        assertThat(split("Das machen wir am besten so. Ich trage es gleich ein."))
                .containsExactly("Das machen wir am besten so.", "Ich trage es gleich ein.");
        assertThat(split("I am afraid the answer is no. We are closed on Sunday."))
                .containsExactly("I am afraid the answer is no.", "We are closed on Sunday.");
    }

    @Test
    void ellipsisExclamationAndQuestionEndSentences() {
        assertThat(split("Einen Moment bitte… Ich schaue nach. Oh, das ist ja toll! Wirklich? Ja, wirklich."))
                .containsExactly(
                        "Einen Moment bitte… Ich schaue nach.", "Oh, das ist ja toll!", "Wirklich? Ja, wirklich.");
    }

    @Test
    void newlinesEndSentencesEvenShortOnes() {
        assertThat(split("Folgende Termine:\n- Montag\n- Dienstag\nWelcher passt?"))
                .containsExactly("Folgende Termine:", "- Montag", "- Dienstag", "Welcher passt?");
    }

    @Test
    void shortSentencesAreJoinedWithTheNext() {
        assertThat(split("Ja. Gut. Dann buche ich den Termin für Sie."))
                .containsExactly("Ja. Gut. Dann buche ich den Termin für Sie.");
        assertThat(split(new SentenceSplitter(0), "Ja. Gut. Danke.")).containsExactly("Ja.", "Gut.", "Danke.");
    }

    @Test
    void aSentenceIsOnlyCompleteOnceTheNextCharacterArrives() {
        SentenceSplitter splitter = new SentenceSplitter(0);
        assertThat(splitter.push("Wir sehen uns am 3.")).isEmpty();
        assertThat(splitter.push(" Mai.")).isEmpty();
        assertThat(splitter.push(" Tschüss")).containsExactly("Wir sehen uns am 3. Mai.");
        assertThat(splitter.flush()).isEqualTo("Tschüss");
        assertThat(splitter.flush()).isEmpty();
    }

    @Test
    void flushReturnsTheRestTrimmed() {
        SentenceSplitter splitter = new SentenceSplitter();
        assertThat(splitter.push("  Hallo  ")).isEmpty();
        assertThat(splitter.flush()).isEqualTo("Hallo");
        assertThat(splitter.push("Neu.")).isEmpty();
        assertThat(splitter.flush()).isEqualTo("Neu.");
    }

    private static List<String> split(String text) {
        return split(new SentenceSplitter(), text);
    }

    /** Pushes the text in LLM-like pieces of one to four characters. */
    private static List<String> split(SentenceSplitter splitter, String text) {
        List<String> sentences = new ArrayList<>();
        int at = 0;
        for (int piece = 0; at < text.length(); piece++) {
            int end = Math.min(text.length(), at + 1 + piece % 4);
            sentences.addAll(splitter.push(text.substring(at, end)));
            at = end;
        }
        String rest = splitter.flush();
        if (!rest.isEmpty()) {
            sentences.add(rest);
        }
        return sentences;
    }
}
