package dev.sofia.clinic.receptionist.time;

import static dev.sofia.clinic.receptionist.time.Anchors.assertReads;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * English phrases, one row each: expression | from | to (empty: same day) | time | part of day.
 * Quoted with double quotes, so "o'clock" needs no escaping. The anchor is in the method's name.
 */
class WhenParserEnglishTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            today                                     | 2026-06-17 |            |       |
            tomorrow                                  | 2026-06-18 |            |       |
            the day after tomorrow                    | 2026-06-19 |            |       |
            Monday                                    | 2026-06-22 |            |       |
            on Tuesday                                | 2026-06-23 |            |       |
            Wednesday                                 | 2026-06-24 |            |       |
            this Friday                               | 2026-06-19 |            |       |
            this Wednesday                            | 2026-06-17 |            |       |
            next Tuesday                              | 2026-06-23 |            |       |
            the Tuesday after next                    | 2026-06-30 |            |       |
            a week from Tuesday                       | 2026-06-30 |            |       |
            Tuesday week                              | 2026-06-30 |            |       |
            a week from today                         | 2026-06-24 |            |       |
            next week                                 | 2026-06-22 | 2026-06-28 |       |
            this week                                 | 2026-06-17 | 2026-06-21 |       |
            the week after next                       | 2026-06-29 | 2026-07-05 |       |
            next week Thursday                        | 2026-06-25 |            |       |
            Thursday next week                        | 2026-06-25 |            |       |
            in three days                             | 2026-06-20 |            |       |
            in 3 days                                 | 2026-06-20 |            |       |
            in two weeks                              | 2026-07-01 |            |       |
            in a week                                 | 2026-06-24 |            |       |
            early next week                           | 2026-06-22 | 2026-06-24 |       |
            end of the week                           | 2026-06-18 | 2026-06-19 |       |
            end of next week                          | 2026-06-25 | 2026-06-26 |       |
            at the weekend                            | 2026-06-20 | 2026-06-21 |       |
            next weekend                              | 2026-06-27 | 2026-06-28 |       |
            next month                                | 2026-07-01 | 2026-07-31 |       |
            March 3rd                                 | 2027-03-03 |            |       |
            3rd of March                              | 2027-03-03 |            |       |
            "March 3rd, 2027"                         | 2027-03-03 |            |       |
            June 20                                   | 2026-06-20 |            |       |
            December 24th                             | 2026-12-24 |            |       |
            on the 5th                                | 2026-07-05 |            |       |
            the fifth                                 | 2026-07-05 |            |       |
            on the thirty-first                       | 2026-07-31 |            |       |
            July first                                | 2026-07-01 |            |       |
            the twenty-second of June                 | 2026-06-22 |            |       |
            at 3 pm                                   | 2026-06-17 |            | 15:00 |
            3pm                                       | 2026-06-17 |            | 15:00 |
            at 9 a.m.                                 | 2026-06-18 |            | 09:00 |
            tomorrow at 3:30 pm                       | 2026-06-18 |            | 15:30 |
            tomorrow at half past nine                | 2026-06-18 |            | 09:30 |
            tomorrow quarter to ten                   | 2026-06-18 |            | 09:45 |
            tomorrow at quarter past two              | 2026-06-18 |            | 14:15 |
            half nine tomorrow                        | 2026-06-18 |            | 09:30 |
            tomorrow at ten                           | 2026-06-18 |            | 10:00 |
            noon                                      | 2026-06-17 |            | 12:00 |
            midday on Friday                          | 2026-06-19 |            | 12:00 |
            ten thirty                                | 2026-06-17 |            | 10:30 |
            15:00                                     | 2026-06-17 |            | 15:00 |
            at 11:45                                  | 2026-06-17 |            | 11:45 |
            at seven                                  | 2026-06-17 |            | 19:00 |
            twenty past ten                           | 2026-06-17 |            | 10:20 |
            ten to three                              | 2026-06-17 |            | 14:50 |
            3 o'clock                                 | 2026-06-17 |            | 15:00 |
            Friday at 12:00                           | 2026-06-19 |            | 12:00 |
            at 3 in the afternoon                     | 2026-06-17 |            | 15:00 | AFTERNOON
            tonight at 8                              | 2026-06-17 |            | 20:00 | EVENING
            in the morning                            | 2026-06-17 |            |       | MORNING
            this evening                              | 2026-06-17 |            |       | EVENING
            tomorrow morning                          | 2026-06-18 |            |       | MORNING
            Tuesday afternoon                         | 2026-06-23 |            |       | AFTERNOON
            Thursday night                            | 2026-06-18 |            |       | EVENING
            next week Thursday morning                | 2026-06-25 |            |       | MORNING
            Tuesday or Wednesday                      | 2026-06-23 | 2026-06-24 |       |
            Monday to Wednesday                       | 2026-06-22 | 2026-06-24 |       |
            Monday the 22nd at 10                     | 2026-06-22 |            | 10:00 |
            4.30pm                                    | 2026-06-17 |            | 16:30 |
            how about four thirty                     | 2026-06-17 |            | 16:30 |
            Thursday at 7 in the morning              | 2026-06-18 |            | 07:00 | MORNING
            "Good morning, do you have anything on Friday?"          | 2026-06-19 | | |
            "Could I come in next Tuesday at half past nine?"        | 2026-06-23 | | 09:30 |
            "I'd prefer Monday afternoon, around 3 if possible."     | 2026-06-22 | | 15:00 | AFTERNOON
            """)
    void onAnOrdinaryWednesday(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.WEDNESDAY, expression, "en", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            next Sunday                               | 2026-10-25 |            |       |
            the day after tomorrow at 2:30 pm         | 2026-10-25 |            | 14:30 |
            this weekend                              | 2026-10-24 | 2026-10-25 |       |
            end of the week                           | 2026-10-23 |            |       |
            Friday the 13th                           | 2026-11-13 |            |       |
            """)
    void onTheFridayBeforeSummerTimeEnds(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.FRIDAY_BEFORE_AUTUMN_CHANGE, expression, "en", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            tomorrow at 2:30 am                       | 2027-03-28 |            | 02:30 |
            end of the week                           | 2027-04-01 | 2027-04-02 |       |
            """)
    void onTheSaturdayBeforeSummerTimeStarts(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.SATURDAY_BEFORE_SPRING_CHANGE, expression, "en", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            YEAR_END        | the day after tomorrow | 2027-01-01 |            |
            YEAR_END        | next week              | 2027-01-04 | 2027-01-10 |
            YEAR_END        | January 2nd            | 2027-01-02 |            |
            YEAR_END        | on the 2nd             | 2027-01-02 |            |
            MONTH_END       | tomorrow               | 2027-02-01 |            |
            MONTH_END       | on the 30th            | 2027-03-30 |            |
            MONTH_END       | next Monday            | 2027-02-01 |            |
            BEFORE_LEAP_DAY | tomorrow               | 2028-02-29 |            |
            BEFORE_LEAP_DAY | February 29th          | 2028-02-29 |            |
            BEFORE_LEAP_DAY | the day after tomorrow | 2028-03-01 |            |
            """)
    void acrossYearAndMonthEnds(String anchor, String expression, String from, @Nullable String to) {
        assertReads(anchorNamed(anchor), expression, "en", from, to, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            today                                     | 2026-06-17 |            |       |
            today at 10                               | 2026-06-17 |            | 10:00 |
            at 10                                     | 2026-06-18 |            | 10:00 |
            at 11:45 pm                               | 2026-06-17 |            | 23:45 |
            in the evening                            | 2026-06-17 |            |       | EVENING
            in the afternoon                          | 2026-06-18 |            |       | AFTERNOON
            """)
    void lateInTheEvening(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.WEDNESDAY_LATE, expression, "en", from, to, time, partOfDay);
    }

    private static String anchorNamed(String name) {
        return switch (name) {
            case "YEAR_END" -> Anchors.YEAR_END;
            case "MONTH_END" -> Anchors.MONTH_END;
            case "BEFORE_LEAP_DAY" -> Anchors.BEFORE_LEAP_DAY;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
