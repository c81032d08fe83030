package dev.sofia.clinic.receptionist.tools;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates and times as Sofia says them in the caller's language ("Dienstag, 24. November, 9:30 Uhr";
 * "Tuesday, 24 November, 9:30 am"), so a read-back is the same whoever writes the sentence around it.
 */
public final class Spoken {

    private Spoken() {}

    public static Locale locale(String language) {
        return switch (language) {
            case "en" -> Locale.UK;
            case "ru" -> Locale.forLanguageTag("ru");
            default -> Locale.GERMANY;
        };
    }

    public static String weekday(LocalDate date, String language) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale(language));
    }

    /** "Dienstag, 24. November" / "Tuesday, 24 November" / "вторник, 24 ноября". */
    public static String date(LocalDate date, String language) {
        String pattern = switch (language) {
            case "en" -> "EEEE, d MMMM";
            case "ru" -> "EEEE, d MMMM";
            default -> "EEEE, d. MMMM";
        };
        return DateTimeFormatter.ofPattern(pattern, locale(language)).format(date);
    }

    /** "9:30 Uhr" / "9:30 am" / "9:30". */
    public static String time(LocalTime time, String language) {
        return switch (language) {
            case "en" ->
                DateTimeFormatter.ofPattern("h:mm a", Locale.UK).format(time).toLowerCase(Locale.ROOT);
            case "ru" -> DateTimeFormatter.ofPattern("H:mm").format(time);
            default -> DateTimeFormatter.ofPattern("H:mm").format(time) + " Uhr";
        };
    }

    /** The date and the time, joined as the language does: "Dienstag, 24. November, um 9:30 Uhr". */
    public static String dateTime(ZonedDateTime at, String language) {
        String joiner = switch (language) {
            case "en" -> " at ";
            case "ru" -> " в ";
            default -> " um ";
        };
        return date(at.toLocalDate(), language) + "," + joiner + time(at.toLocalTime(), language);
    }
}
