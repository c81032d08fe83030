package dev.sofia.clinic.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The demo practice as plain data. Phone numbers are fictitious but well-formed. */
final class DemoData {

    private DemoData() {}

    record ShiftRow(DayOfWeek day, String starts, String ends, String breakStarts, String breakEnds) {}

    record DoctorRow(String key, String name, String role, List<ShiftRow> shifts) {}

    record TypeRow(
            String code,
            String de,
            String en,
            String ru,
            int minutes,
            int buffer,
            boolean newPatients,
            boolean emergency,
            int noticeMinutes,
            int horizonDays,
            List<String> doctors,
            List<String> chairs) {}

    record PatientRow(
            String first, String last, LocalDate born, String phone, String email, String language, String insurance) {}

    record PlanRow(String doctor, String at, String type) {}

    static final List<String> CHAIRS =
            List.of("Behandlungszimmer 1", "Behandlungszimmer 2", "Behandlungszimmer 3", "Prophylaxe");

    static final List<DoctorRow> DOCTORS = List.of(
            new DoctorRow("weber", "Dr. Anna Weber", "dentist", week(DayOfWeek.FRIDAY, "08:00", "18:00", "14:00")),
            new DoctorRow("schmidt", "Dr. Jonas Schmidt", "dentist", week(DayOfWeek.FRIDAY, "08:00", "17:00", "14:00")),
            new DoctorRow(
                    "petrova", "Dr. Elena Petrova", "dentist", week(DayOfWeek.THURSDAY, "09:00", "18:00", "14:00")),
            new DoctorRow(
                    "klein",
                    "Maria Klein (Dentalhygienikerin)",
                    "hygienist",
                    week(DayOfWeek.THURSDAY, "08:00", "16:00", "13:00")));

    static final List<TypeRow> TYPES = List.of(
            new TypeRow(
                    "kontrolle",
                    "Kontrolle",
                    "Check-up",
                    "Осмотр",
                    30,
                    0,
                    true,
                    false,
                    120,
                    90,
                    List.of("weber", "schmidt", "petrova"),
                    List.of()),
            new TypeRow(
                    "pzr",
                    "Professionelle Zahnreinigung",
                    "Professional teeth cleaning",
                    "Профессиональная чистка зубов",
                    60,
                    10,
                    true,
                    false,
                    120,
                    90,
                    List.of("klein"),
                    List.of("Prophylaxe")),
            new TypeRow(
                    "fuellung",
                    "Füllung",
                    "Filling",
                    "Пломба",
                    45,
                    5,
                    false,
                    false,
                    240,
                    60,
                    List.of("weber", "schmidt", "petrova"),
                    List.of()),
            new TypeRow(
                    "schmerz",
                    "Schmerzsprechstunde",
                    "Emergency (toothache)",
                    "Острая зубная боль",
                    30,
                    0,
                    true,
                    true,
                    0,
                    7,
                    List.of("weber", "schmidt", "petrova"),
                    List.of()),
            new TypeRow(
                    "beratung",
                    "Beratung",
                    "Consultation",
                    "Консультация",
                    30,
                    0,
                    true,
                    false,
                    120,
                    90,
                    List.of("weber", "schmidt", "petrova"),
                    List.of()));

    /** What Sofia says about the demo practice beyond the calendar. */
    record TextRow(String topic, String language, String text) {}

    static final List<TextRow> TEXTS = List.of(
            new TextRow(
                    "parking",
                    "de",
                    "Im Hof der Praxis gibt es drei Parkplätze für Patienten; sonst parken Sie in der Tiefgarage "
                            + "am Markt, zwei Minuten zu Fuß."),
            new TextRow(
                    "parking",
                    "en",
                    "There are three patient parking spaces in the courtyard; otherwise the underground car park "
                            + "at the market is a two-minute walk."),
            new TextRow(
                    "insurance",
                    "de",
                    "Wir behandeln gesetzlich und privat Versicherte. Bitte bringen Sie Ihre Versichertenkarte mit."),
            new TextRow(
                    "insurance",
                    "en",
                    "We treat patients with statutory and private insurance. Please bring your insurance card."));

    static final List<PatientRow> PATIENTS = List.of(
            new PatientRow(
                    "Max",
                    "Mustermann",
                    LocalDate.of(1980, 5, 14),
                    "+4915112345678",
                    "max@example.org",
                    "de",
                    "statutory"),
            new PatientRow("Erika", "Musterfrau", LocalDate.of(1975, 9, 2), "+4915223456789", null, "de", "private"),
            new PatientRow(
                    "John", "Smith", LocalDate.of(1990, 1, 23), "+4917634567890", "john@example.org", "en", "private"),
            new PatientRow("Olga", "Ivanova", LocalDate.of(1985, 11, 30), "+4916045678901", null, "ru", "statutory"),
            new PatientRow("Lukas", "Becker", LocalDate.of(2001, 3, 8), "+4930123456789", null, "de", "statutory"),
            new PatientRow(
                    "Sophie",
                    "Wagner",
                    LocalDate.of(1968, 7, 19),
                    "+4917156789012",
                    "sophie@example.org",
                    "de",
                    "statutory"));

    /** Each dentist's fixed daily appointments in the seeded week (inside shifts, outside breaks). */
    static final List<PlanRow> APPOINTMENT_PLAN = List.of(
            new PlanRow("weber", "09:00", "kontrolle"),
            new PlanRow("schmidt", "10:30", "fuellung"),
            new PlanRow("petrova", "15:00", "beratung"));

    static TypeRow type(String code) {
        return TYPES.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    /** Monday to {@code lastDay}, a lunch break from 12:30 to 13:30, and a short last day. */
    private static List<ShiftRow> week(DayOfWeek lastDay, String starts, String ends, String shortDayEnds) {
        List<ShiftRow> shifts = new ArrayList<>();
        for (int d = 1; d <= lastDay.getValue(); d++) {
            DayOfWeek day = DayOfWeek.of(d);
            boolean shortDay = day == DayOfWeek.FRIDAY;
            shifts.add(
                    shortDay
                            ? new ShiftRow(day, starts, shortDayEnds, null, null)
                            : new ShiftRow(day, starts, ends, "12:30", "13:30"));
        }
        return shifts;
    }
}
