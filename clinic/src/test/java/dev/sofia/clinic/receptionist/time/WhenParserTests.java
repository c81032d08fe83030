package dev.sofia.clinic.receptionist.time;

import static dev.sofia.clinic.receptionist.time.Anchors.BERLIN;
import static dev.sofia.clinic.receptionist.time.Anchors.assertReads;
import static dev.sofia.clinic.receptionist.time.Anchors.parserAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.clinic.scheduling.PartOfDay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What is not a date or time, how the language is chosen, and the instant a {@link When} stands
 * for across daylight-saving changes. The phrase tables are {@link WhenParserGermanTests} and
 * {@link WhenParserEnglishTests}.
 */
class WhenParserTests {

    private static final ZoneOffset SUMMER_TIME = ZoneOffset.ofHours(2);
    private static final ZoneOffset WINTER_TIME = ZoneOffset.ofHours(1);

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Ich habe Zahnschmerzen                      | de
            Mein Name ist Müller                        | de
            0151 23456789                               | de
            Meine Nummer ist 0151 23 45 67 89           | de
            zwei Zähne                                  | de
            Ich habe zwei Zähne, die wehtun             | de
            um                                          | de
            Können wir das um 2 Wochen verschieben?     | de
            Guten Morgen                                | de
            "Guten Abend, hier ist Frau Schmidt"        | de
            Ich möchte einen Termin                     | de
            Ich bin zum ersten Mal bei Ihnen            | de
            am 31. Februar                              | de
            so früh wie möglich                         | de
            I have a toothache                          | en
            My name is Miller                           | en
            my number is 0151 23456789                  | en
            my number is 0151 23 45 67                  | en
            Good morning                                | en
            two teeth hurt                              | en
            I need a filling                            | en
            Can I bring my 2 kids?                      | en
            I'd like a second opinion                   | en
            I may need a second appointment             | en
            it hurts for 2 weeks now                    | en
            "February 31st"                             | en
            ""                                          | de
            """)
    void textThatNamesNoDateOrTimeIsEmpty(String text, String language) {
        assertThat(parserAt(Anchors.WEDNESDAY).parse(text, language)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            nächsten Dienstag um halb zehn | fr    | 2026-06-23 | 09:30
            next Tuesday at 3 pm           |       | 2026-06-23 | 15:00
            morgen um neun                 | de-DE | 2026-06-18 | 09:00
            tomorrow at nine               | EN    | 2026-06-18 | 09:00
            """)
    void anUnknownLanguageTriesBoth(String text, @Nullable String language, String day, String time) {
        assertReads(Anchors.WEDNESDAY, text, language == null ? "" : language, day, null, time, null);
    }

    @Test
    void aNullTextOrLanguageIsHandled() {
        WhenParser parser = parserAt(Anchors.WEDNESDAY);

        assertThat(parser.parse(null, "de")).isEmpty();
        assertThat(parser.parse("morgen", null)).map(When::from).contains(LocalDate.of(2026, 6, 18));
    }

    @Test
    void aTimeInTheSpringForwardGapMovesForwardByTheGap() {
        When when = new When(LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 28), LocalTime.of(2, 30), null);

        assertThat(when.at(BERLIN))
                .contains(ZonedDateTime.ofLocal(LocalDate.of(2027, 3, 28).atTime(3, 30), BERLIN, SUMMER_TIME));
    }

    @Test
    void aTimeInTheAutumnOverlapTakesTheEarlierOffset() {
        When when = new When(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), LocalTime.of(2, 30), null);

        assertThat(when.at(BERLIN)).map(ZonedDateTime::getOffset).contains(SUMMER_TIME);
        assertThat(when.at(BERLIN)).map(ZonedDateTime::toLocalTime).contains(LocalTime.of(2, 30));
    }

    @Test
    void parsedTimesOnTheChangeDaysBecomeInstants() {
        assertThat(parserAt(Anchors.SATURDAY_BEFORE_SPRING_CHANGE)
                        .parse("morgen um 02:30", "de")
                        .flatMap(when -> when.at(BERLIN)))
                .map(ZonedDateTime::toOffsetDateTime)
                .contains(LocalDate.of(2027, 3, 28).atTime(3, 30).atOffset(SUMMER_TIME));
        assertThat(parserAt(Anchors.FRIDAY_BEFORE_AUTUMN_CHANGE)
                        .parse("übermorgen um halb drei", "de")
                        .flatMap(when -> when.at(BERLIN)))
                .map(ZonedDateTime::toOffsetDateTime)
                .contains(LocalDate.of(2026, 10, 25).atTime(14, 30).atOffset(WINTER_TIME));
    }

    @Test
    void onlyASingleDayWithATimeIsAnInstant() {
        LocalDate monday = LocalDate.of(2026, 6, 22);

        assertThat(new When(monday, monday.plusDays(6), LocalTime.NOON, null).at(BERLIN))
                .isEmpty();
        assertThat(new When(monday, monday, null, PartOfDay.MORNING).at(BERLIN)).isEmpty();
        assertThat(new When(monday, monday, null, null).isSingleDay()).isTrue();
        assertThat(new When(monday, monday.plusDays(1), null, null).isSingleDay())
                .isFalse();
    }

    @Test
    void aRangeMustNotEndBeforeItStarts() {
        LocalDate monday = LocalDate.of(2026, 6, 22);

        assertThatThrownBy(() -> new When(monday, monday.minusDays(1), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
