package dev.sofia.clinic.practice;

import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.PhoneNumbers;
import java.sql.Time;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the practice's own settings; every change is validated whole before anything is written.
 * A change of the call limits is published as {@link CallLimitsChanged}.
 */
@Service
public class PracticeSettings {

    private static final Set<String> LANGUAGES = Set.of("de", "en", "ru");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PracticeSettings(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public void save(Practice practice) {
        List<FieldProblem> problems = new ArrayList<>();
        String region = practice.address().country();
        String phone = checkPhone(practice.phone(), region, "phone", problems, true);
        String main = checkPhone(practice.transferNumbers().main(), region, "transferMain", problems, false);
        String emergency =
                checkPhone(practice.transferNumbers().emergency(), region, "transferEmergency", problems, false);
        if (practice.languages().isEmpty() || !LANGUAGES.containsAll(practice.languages())) {
            problems.add(new FieldProblem("languages", "must be one or more of de, en, ru"));
        }
        for (int i = 0; i < practice.openingHours().size(); i++) {
            OpeningHours h = practice.openingHours().get(i);
            if (!h.closes().isAfter(h.opens())) {
                problems.add(new FieldProblem("openingHours[" + i + "].closes", "must be after opens"));
            }
        }
        CallLimits limits = practice.callLimits();
        if (limits == null) {
            problems.add(new FieldProblem("maxCallMinutes", "is required"));
            problems.add(new FieldProblem("maxConcurrentCalls", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CallLimits before = storedLimits();
        jdbc.sql("""
                        insert into practice (id, name, street, postal_code, city, country, phone, time_zone, languages,
                                              transfer_main, transfer_emergency, slot_interval_minutes, hold_ttl_seconds,
                                              max_call_minutes, max_concurrent_calls)
                        values (1, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set
                            name = excluded.name, street = excluded.street, postal_code = excluded.postal_code,
                            city = excluded.city, country = excluded.country, phone = excluded.phone,
                            time_zone = excluded.time_zone, languages = excluded.languages,
                            transfer_main = excluded.transfer_main, transfer_emergency = excluded.transfer_emergency,
                            slot_interval_minutes = excluded.slot_interval_minutes,
                            hold_ttl_seconds = excluded.hold_ttl_seconds,
                            max_call_minutes = excluded.max_call_minutes,
                            max_concurrent_calls = excluded.max_concurrent_calls, updated_at = now()
                        """)
                .params(
                        practice.name(),
                        practice.address().street(),
                        practice.address().postalCode(),
                        practice.address().city(),
                        practice.address().country(),
                        phone,
                        practice.timeZone().getId(),
                        "{" + String.join(",", practice.languages()) + "}",
                        main,
                        emergency,
                        (int) practice.slotInterval().toMinutes(),
                        (int) practice.holdTtl().toSeconds(),
                        limits.maxCallMinutes(),
                        limits.maxConcurrentCalls())
                .update();
        jdbc.sql("delete from opening_hours").update();
        for (OpeningHours h : practice.openingHours()) {
            jdbc.sql("insert into opening_hours (day_of_week, opens, closes) values (?, ?, ?)")
                    .params(h.day().getValue(), Time.valueOf(h.opens()), Time.valueOf(h.closes()))
                    .update();
        }
        if (!limits.equals(before)) {
            events.publishEvent(new CallLimitsChanged(limits));
        }
    }

    /** The limits stored now, or null before the practice is set up. */
    private @Nullable CallLimits storedLimits() {
        return jdbc.sql("select max_call_minutes, max_concurrent_calls from practice where id = 1")
                .query((rs, n) -> CallLimits.of(rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElse(null);
    }

    /** Parses an IANA zone id, naming {@code field} when it is not one. */
    public static ZoneId zone(String id, String field) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidInputException(field, "must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static String checkPhone(
            String raw, String region, String field, List<FieldProblem> problems, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        return PhoneNumbers.toE164(raw, region).orElseGet(() -> {
            problems.add(new FieldProblem(field, "is not a valid phone number"));
            return null;
        });
    }
}
