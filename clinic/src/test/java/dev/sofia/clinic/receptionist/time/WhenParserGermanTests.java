package dev.sofia.clinic.receptionist.time;

import static dev.sofia.clinic.receptionist.time.Anchors.assertReads;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * German phrases, one row each: expression | from | to (empty: same day) | time | part of day.
 * The anchor of each table is in its method's name; see {@link Anchors}.
 */
class WhenParserGermanTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            heute                                     | 2026-06-17 |            |       |
            morgen                                    | 2026-06-18 |            |       |
            übermorgen                                | 2026-06-19 |            |       |
            Montag                                    | 2026-06-22 |            |       |
            am Dienstag                               | 2026-06-23 |            |       |
            Mittwoch                                  | 2026-06-24 |            |       |
            diesen Freitag                            | 2026-06-19 |            |       |
            diesen Mittwoch                           | 2026-06-17 |            |       |
            nächsten Dienstag                         | 2026-06-23 |            |       |
            übernächsten Dienstag                     | 2026-06-30 |            |       |
            Dienstag in einer Woche                   | 2026-06-30 |            |       |
            Sonnabend                                 | 2026-06-20 |            |       |
            dienstags                                 | 2026-06-23 |            |       |
            nächste Woche                             | 2026-06-22 | 2026-06-28 |       |
            kommende Woche                            | 2026-06-22 | 2026-06-28 |       |
            diese Woche                               | 2026-06-17 | 2026-06-21 |       |
            übernächste Woche                         | 2026-06-29 | 2026-07-05 |       |
            nächste Woche Donnerstag                  | 2026-06-25 |            |       |
            Donnerstag nächste Woche                  | 2026-06-25 |            |       |
            in drei Tagen                             | 2026-06-20 |            |       |
            in 3 Tagen                                | 2026-06-20 |            |       |
            in zwei Wochen                            | 2026-07-01 |            |       |
            in einer Woche                            | 2026-06-24 |            |       |
            in acht Tagen                             | 2026-06-25 |            |       |
            heute in einer Woche                      | 2026-06-24 |            |       |
            Anfang nächster Woche                     | 2026-06-22 | 2026-06-24 |       |
            Mitte nächster Woche                      | 2026-06-23 | 2026-06-25 |       |
            Ende der Woche                            | 2026-06-18 | 2026-06-19 |       |
            Ende nächster Woche                       | 2026-06-25 | 2026-06-26 |       |
            am Wochenende                             | 2026-06-20 | 2026-06-21 |       |
            nächstes Wochenende                       | 2026-06-27 | 2026-06-28 |       |
            nächsten Monat                            | 2026-07-01 | 2026-07-31 |       |
            am 3. März                                | 2027-03-03 |            |       |
            3. März 2027                              | 2027-03-03 |            |       |
            den 12.11.                                | 2026-11-12 |            |       |
            12.11.2026                                | 2026-11-12 |            |       |
            am 3.3.                                   | 2027-03-03 |            |       |
            am Fünften                                | 2026-07-05 |            |       |
            am 1.                                     | 2026-07-01 |            |       |
            am 17.                                    | 2026-06-17 |            |       |
            am ersten Juli                            | 2026-07-01 |            |       |
            am dritten Oktober                        | 2026-10-03 |            |       |
            am einunddreißigsten                      | 2026-07-31 |            |       |
            zum zwanzigsten                           | 2026-06-20 |            |       |
            Ich bin am 12.03.1985 geboren             | 1985-03-12 |            |       |
            um 9                                      | 2026-06-18 |            | 09:00 |
            um 11 Uhr                                 | 2026-06-17 |            | 11:00 |
            9:30                                      | 2026-06-18 |            | 09:30 |
            um 9.30 Uhr                               | 2026-06-18 |            | 09:30 |
            um 9 Uhr 30                               | 2026-06-18 |            | 09:30 |
            morgen um halb zehn                       | 2026-06-18 |            | 09:30 |
            morgen um viertel nach neun               | 2026-06-18 |            | 09:15 |
            morgen viertel vor zehn                   | 2026-06-18 |            | 09:45 |
            morgen dreiviertel zehn                   | 2026-06-18 |            | 09:45 |
            morgen viertel zehn                       | 2026-06-18 |            | 09:15 |
            morgen um zehn nach neun                  | 2026-06-18 |            | 09:10 |
            morgen fünf vor halb zehn                 | 2026-06-18 |            | 09:25 |
            morgen fünf nach halb zehn                | 2026-06-18 |            | 09:35 |
            morgen um 10:45                           | 2026-06-18 |            | 10:45 |
            MORGEN UM NEUN!                           | 2026-06-18 |            | 09:00 |
            um 14 Uhr                                 | 2026-06-17 |            | 14:00 |
            um 14 Uhr eine Kontrolle                  | 2026-06-17 |            | 14:00 |
            um 9 Uhr einen Termin                     | 2026-06-18 |            | 09:00 |
            vierzehn Uhr dreißig                      | 2026-06-17 |            | 14:30 |
            gegen 16 Uhr                              | 2026-06-17 |            | 16:00 |
            um 15:00                                  | 2026-06-17 |            | 15:00 |
            um drei                                   | 2026-06-17 |            | 15:00 |
            um eins                                   | 2026-06-17 |            | 13:00 |
            halb acht                                 | 2026-06-17 |            | 19:30 |
            um 8                                      | 2026-06-18 |            | 08:00 |
            um zwölf                                  | 2026-06-17 |            | 12:00 |
            um 07:30                                  | 2026-06-18 |            | 07:30 |
            zwanzig vor elf                           | 2026-06-17 |            | 10:40 |
            mittags                                   | 2026-06-17 |            | 12:00 |
            um 8 abends                               | 2026-06-17 |            | 20:00 | EVENING
            nachmittags um 3                          | 2026-06-17 |            | 15:00 | AFTERNOON
            Dienstag um 3 nachmittags                 | 2026-06-23 |            | 15:00 | AFTERNOON
            vormittags                                | 2026-06-17 |            |       | MORNING
            am Nachmittag                             | 2026-06-17 |            |       | AFTERNOON
            abends                                    | 2026-06-17 |            |       | EVENING
            morgen früh                               | 2026-06-18 |            |       | MORNING
            morgen Vormittag                          | 2026-06-18 |            |       | MORNING
            heute Morgen                              | 2026-06-17 |            |       | MORNING
            heute Abend um acht                       | 2026-06-17 |            | 20:00 | EVENING
            Dienstagvormittag                         | 2026-06-23 |            |       | MORNING
            Dienstagmorgen                            | 2026-06-23 |            |       | MORNING
            Sonntagabend                              | 2026-06-21 |            |       | EVENING
            Dienstagmittag                            | 2026-06-23 |            | 12:00 |
            übermorgen vormittags                     | 2026-06-19 |            |       | MORNING
            nächste Woche Donnerstag am Vormittag     | 2026-06-25 |            |       | MORNING
            morgen oder übermorgen                    | 2026-06-18 | 2026-06-19 |       |
            Montag bis Mittwoch nachmittags           | 2026-06-22 | 2026-06-24 |       | AFTERNOON
            Mittwoch, den 22.                         | 2026-07-22 |            |       |
            Dienstag, den 22.                         | 2026-06-22 |            |       |
            um 9 am Dienstag                          | 2026-06-23 |            | 09:00 |
            zehn Uhr fünfzehn                         | 2026-06-17 |            | 10:15 |
            Termin um 7                               | 2026-06-17 |            | 19:00 |
            halb neun                                 | 2026-06-18 |            | 08:30 |
            am Nachmittag, so gegen vier              | 2026-06-17 |            | 16:00 | AFTERNOON
            Wie wäre es mit dem 3. Juli um 11?        | 2026-07-03 |            | 11:00 |
            Hätten Sie vielleicht nächsten Dienstag um halb zehn was frei? | 2026-06-23 | | 09:30 |
            Guten Morgen, ich hätte gern einen Termin am Freitag           | 2026-06-19 | |       |
            Geht es am Donnerstag nachmittags?                             | 2026-06-18 | |       | AFTERNOON
            Können wir den Termin auf Montag, 14 Uhr verschieben?          | 2026-06-22 | | 14:00 |
            """)
    void onAnOrdinaryWednesday(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.WEDNESDAY, expression, "de", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nächsten Sonntag                          | 2026-10-25 |            |       |
            übermorgen um halb drei                   | 2026-10-25 |            | 14:30 |
            diesen Freitag                            | 2026-10-23 |            |       |
            Freitag                                   | 2026-10-30 |            |       |
            Ende der Woche                            | 2026-10-23 |            |       |
            am Wochenende                             | 2026-10-24 | 2026-10-25 |       |
            nächste Woche                             | 2026-10-26 | 2026-11-01 |       |
            morgen Abend                              | 2026-10-24 |            |       | EVENING
            Freitag, den 13.                          | 2026-11-13 |            |       |
            """)
    void onTheFridayBeforeSummerTimeEnds(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.FRIDAY_BEFORE_AUTUMN_CHANGE, expression, "de", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            morgen                                    | 2027-03-28 |            |       |
            morgen um 02:30                           | 2027-03-28 |            | 02:30 |
            Ende der Woche                            | 2027-04-01 | 2027-04-02 |       |
            am Wochenende                             | 2027-03-27 | 2027-03-28 |       |
            Anfang nächster Woche                     | 2027-03-29 | 2027-03-31 |       |
            nächsten Montag                           | 2027-03-29 |            |       |
            """)
    void onTheSaturdayBeforeSummerTimeStarts(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.SATURDAY_BEFORE_SPRING_CHANGE, expression, "de", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            morgen                                    | 2026-12-31 |            |       |
            übermorgen                                | 2027-01-01 |            |       |
            nächste Woche                             | 2027-01-04 | 2027-01-10 |       |
            diese Woche                               | 2026-12-30 | 2027-01-03 |       |
            am 2. Januar                              | 2027-01-02 |            |       |
            in zwei Wochen                            | 2027-01-13 |            |       |
            """)
    void atTheEndOfTheYear(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.YEAR_END, expression, "de", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            morgen                                    | 2027-02-01 |            |       |
            am 30.                                    | 2027-03-30 |            |       |
            am 31.                                    | 2027-01-31 |            |       |
            am 29.                                    | 2027-03-29 |            |       |
            diese Woche                               | 2027-01-31 |            |       |
            nächste Woche                             | 2027-02-01 | 2027-02-07 |       |
            """)
    void onTheLastDayOfJanuary(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.MONTH_END, expression, "de", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            morgen                                    | 2028-02-29 |            |       |
            übermorgen                                | 2028-03-01 |            |       |
            am 29. Februar                            | 2028-02-29 |            |       |
            am 29.02.                                 | 2028-02-29 |            |       |
            """)
    void beforeALeapDay(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.BEFORE_LEAP_DAY, expression, "de", from, to, time, partOfDay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            heute                                     | 2026-06-17 |            |       |
            heute um 10                               | 2026-06-17 |            | 10:00 |
            um 10                                     | 2026-06-18 |            | 10:00 |
            abends                                    | 2026-06-17 |            |       | EVENING
            nachmittags                               | 2026-06-18 |            |       | AFTERNOON
            """)
    void lateInTheEvening(
            String expression, String from, @Nullable String to, @Nullable String time, @Nullable String partOfDay) {
        assertReads(Anchors.WEDNESDAY_LATE, expression, "de", from, to, time, partOfDay);
    }
}
