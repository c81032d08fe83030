package dev.sofia.clinic.patients;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds patients from what staff type into one search box: any mix of name parts, a phone number
 * (or part of one, in any common notation) and a date of birth (23.01.1990 or 1990-01-23). Every
 * word must match: a name word the start of the first or last name, a number the phone number or
 * (four digits) the year of birth, a date the date of birth.
 */
@Service
public class QuickPatientSearch {

    /** The longest query looked at; the rest is ignored. */
    static final int MAX_QUERY = 100;

    private static final Pattern GERMAN_DATE = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PHONE_PART = Pattern.compile("\\+?[\\d/()\\-]*\\d[\\d/()\\-]*");
    private static final DateTimeFormatter GERMAN =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final JdbcClient jdbc;
    private final Patients patients;

    QuickPatientSearch(JdbcClient jdbc, Patients patients) {
        this.jdbc = jdbc;
        this.patients = patients;
    }

    /** Patients matching every word of {@code query}, by last and first name; at most {@code limit}. */
    public List<Patient> search(String query, int limit) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        String text = query.strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        for (String word : text.split("[\\s,;]+")) {
            if (word.isEmpty()) {
                continue;
            }
            LocalDate date = date(word);
            if (date != null) {
                where.append(" and date_of_birth = ?");
                params.add(date);
            } else if (PHONE_PART.matcher(word).matches()) {
                String digits = phoneDigits(word);
                where.append(" and (regexp_replace(coalesce(phone, ''), '\\D', '', 'g') like ?");
                params.add("%" + digits + "%");
                if (word.matches("\\d{4}")) {
                    where.append(" or extract(year from date_of_birth) = ?");
                    params.add(Integer.parseInt(word));
                }
                where.append(")");
            } else {
                String prefix = like(word.toLowerCase(Locale.ROOT)) + "%";
                where.append(" and (lower(first_name) like ? escape '\\' or lower(last_name) like ? escape '\\'");
                where.append(" or lower(first_name || ' ' || last_name) like ? escape '\\')");
                params.add(prefix);
                params.add(prefix);
                params.add(prefix);
            }
        }
        params.add(limit);
        List<UUID> ids = jdbc.sql("select id from patients where " + where
                        + " order by lower(last_name), lower(first_name), date_of_birth limit ?")
                .params(params)
                .query(UUID.class)
                .list();
        return ids.stream()
                .map(id -> patients.find(new PatientId(id)))
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private static LocalDate date(String word) {
        try {
            if (GERMAN_DATE.matcher(word).matches()) {
                return LocalDate.parse(word, GERMAN);
            }
            if (ISO_DATE.matcher(word).matches()) {
                return LocalDate.parse(word);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /**
     * The digits to look for in the stored E.164 number: a leading 00 or + is the international
     * prefix, a leading single 0 the German trunk prefix (so 0151… finds +49151…).
     */
    static String phoneDigits(String word) {
        String digits = word.replaceAll("\\D", "");
        if (word.startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        if (digits.startsWith("0") && digits.length() > 1) {
            return "49" + digits.substring(1);
        }
        return digits;
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
