package dev.sofia.clinic.console.admin.settings;

import dev.sofia.clinic.practice.CallLimits;
import dev.sofia.clinic.practice.OpeningHours;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeSettings;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The practice settings form: every input by its name (so a refused form is shown again exactly
 * as typed), read from the practice for display or from the submitted fields for saving. The
 * opening hours are {@code hours.<DAY>.<n>.opens|closes}, a few spans per weekday, blank for none.
 *
 * <p>{@link #toPractice()} checks what {@code PUT /api/practice} checks on its request body
 * (required fields, lengths, the country code, the slot grid, hold and call limit ranges, the time
 * zone; unlike the API, the form always carries the call limits);
 * {@link PracticeSettings#save} then checks the rest (phone numbers, languages, hours in order)
 * exactly as for the API.
 */
final class PracticeForm {

    /** Spans per weekday shown at least (the practice may have more, then those are shown). */
    static final int MIN_SPANS = 2;

    static final List<String> LANGUAGES = List.of("de", "en", "ru");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    final Map<String, String> values;
    final List<String> languages;

    /** The hours' field prefix ({@code hours.MONDAY.0}) for each entry of the practice's list. */
    private final List<String> hourFields = new ArrayList<>();

    private PracticeForm(Map<String, String> values, List<String> languages) {
        this.values = values;
        this.languages = languages;
    }

    static PracticeForm of(Practice p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", p.name());
        v.put("address.street", p.address().street());
        v.put("address.postalCode", p.address().postalCode());
        v.put("address.city", p.address().city());
        v.put("address.country", p.address().country());
        v.put("phone", p.phone());
        v.put("timeZone", p.timeZone().getId());
        v.put("transferMain", p.transferNumbers().main());
        v.put("transferEmergency", p.transferNumbers().emergency());
        v.put("slotIntervalMinutes", String.valueOf(p.slotInterval().toMinutes()));
        v.put("holdTtlSeconds", String.valueOf(p.holdTtl().toSeconds()));
        v.put("maxCallMinutes", String.valueOf(p.callLimits().maxCallMinutes()));
        v.put("maxConcurrentCalls", String.valueOf(p.callLimits().maxConcurrentCalls()));
        Map<DayOfWeek, Integer> seen = new LinkedHashMap<>();
        for (OpeningHours h : p.openingHours()) {
            int n = seen.merge(h.day(), 1, Integer::sum) - 1;
            v.put("hours." + h.day() + "." + n + ".opens", h.opens().toString());
            v.put("hours." + h.day() + "." + n + ".closes", h.closes().toString());
        }
        return new PracticeForm(v, p.languages());
    }

    static PracticeForm of(MultiValueMap<String, String> params) {
        Map<String, String> v = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (!name.equals("_csrf") && !name.equals("languages") && !list.isEmpty()) {
                v.put(name, list.getFirst());
            }
        });
        List<String> chosen = params.getOrDefault("languages", List.of());
        return new PracticeForm(v, List.copyOf(chosen));
    }

    String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value.strip();
    }

    /** How many span rows to show for {@code day}: those filled in, plus one empty, at least {@link #MIN_SPANS}. */
    int spans(DayOfWeek day) {
        int filled = 0;
        for (int n = 0; n < rows(day); n++) {
            if (!value("hours." + day + "." + n + ".opens").isEmpty()
                    || !value("hours." + day + "." + n + ".closes").isEmpty()) {
                filled = n + 1;
            }
        }
        return Math.max(MIN_SPANS, filled + 1);
    }

    /** The rows present in the values (submitted, or from the practice). */
    private int rows(DayOfWeek day) {
        int n = 0;
        while (values.containsKey("hours." + day + "." + n + ".opens")
                || values.containsKey("hours." + day + "." + n + ".closes")) {
            n++;
        }
        return n;
    }

    /** The practice as entered, or every problem of the form at once. */
    Practice toPractice() {
        List<FieldProblem> problems = new ArrayList<>();
        String name = text("name", 200, true, problems);
        String street = text("address.street", 200, false, problems);
        String postalCode = text("address.postalCode", 20, false, problems);
        String city = text("address.city", 100, false, problems);
        String country = value("address.country").toUpperCase(java.util.Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            problems.add(new FieldProblem("address.country", "must be an ISO 3166 country code such as DE"));
        }
        String phone = text("phone", 40, false, problems);
        String transferMain = text("transferMain", 40, false, problems);
        String transferEmergency = text("transferEmergency", 40, false, problems);
        ZoneId zone = null;
        try {
            zone = PracticeSettings.zone(value("timeZone"), "timeZone");
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
        }
        int slot = number("slotIntervalMinutes", 5, 120, problems);
        int hold = number("holdTtlSeconds", 30, 3600, problems);
        int callMinutes = number("maxCallMinutes", CallLimits.MIN_CALL_MINUTES, CallLimits.MAX_CALL_MINUTES, problems);
        int concurrentCalls = number(
                "maxConcurrentCalls", CallLimits.MIN_CONCURRENT_CALLS, CallLimits.MAX_CONCURRENT_CALLS, problems);
        List<OpeningHours> hours = hours(problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Practice(
                name,
                new Practice.Address(street, postalCode, city, country),
                phone,
                zone,
                languages,
                new Practice.TransferNumbers(blankToNull(transferMain), blankToNull(transferEmergency)),
                Duration.ofMinutes(slot),
                Duration.ofSeconds(hold),
                CallLimits.of(callMinutes, concurrentCalls),
                hours);
    }

    /** The form field of a problem {@link PracticeSettings#save} names ({@code openingHours[3].closes}). */
    String fieldOf(String serviceField) {
        var m = Pattern.compile("openingHours\\[(\\d+)]\\.(\\w+)").matcher(serviceField);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            return index < hourFields.size() ? hourFields.get(index) + "." + m.group(2) : "hours";
        }
        return serviceField;
    }

    private List<OpeningHours> hours(List<FieldProblem> problems) {
        hourFields.clear();
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int n = 0; n < rows(day); n++) {
                String prefix = "hours." + day + "." + n;
                String opens = value(prefix + ".opens");
                String closes = value(prefix + ".closes");
                if (opens.isEmpty() && closes.isEmpty()) {
                    continue;
                }
                LocalTime from = time(prefix + ".opens", opens, problems);
                LocalTime to = time(prefix + ".closes", closes, problems);
                if (from != null && to != null) {
                    hours.add(new OpeningHours(day, from, to));
                    hourFields.add(prefix);
                }
            }
        }
        if (hours.size() > 21) {
            problems.add(new FieldProblem("hours", "must list at most 21 spans"));
        }
        return hours;
    }

    private static @Nullable LocalTime time(String field, String raw, List<FieldProblem> problems) {
        if (raw.isEmpty()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return LocalTime.parse(raw);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a time such as 08:30"));
            return null;
        }
    }

    private String text(String field, int max, boolean required, List<FieldProblem> problems) {
        String value = value(field);
        if (required && value.isEmpty()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
        return value;
    }

    private int number(String field, int min, int max, List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(value(field));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "must be between " + min + " and " + max));
        return min;
    }

    private static @Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
