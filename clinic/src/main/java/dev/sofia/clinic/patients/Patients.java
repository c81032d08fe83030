package dev.sofia.clinic.patients;

import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.PhoneNumbers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The patient register: registration, updates and the two lookups callers need. */
@Service
public class Patients {

    /** National numbers are read as German; an international caller always has a + prefix. */
    static final String DEFAULT_REGION = "DE";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final JdbcClient jdbc;
    private final Clock clock;

    Patients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Patient register(NewPatient data) {
        Patient patient = validated(new PatientId(UUID.randomUUID()), data);
        jdbc.sql("""
                        insert into patients (id, first_name, last_name, date_of_birth, phone, email, preferred_language,
                                              insurance, consent_sms, consent_email, consent_call_recording, notes)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(withId(patient.id(), columns(patient), true)).update();
        return patient;
    }

    @Transactional
    public Patient update(PatientId id, NewPatient data) {
        Patient patient = validated(id, data);
        int rows = jdbc.sql("""
                        update patients set first_name = ?, last_name = ?, date_of_birth = ?, phone = ?, email = ?,
                               preferred_language = ?, insurance = ?, consent_sms = ?, consent_email = ?,
                               consent_call_recording = ?, notes = ?, updated_at = now()
                        where id = ?
                        """).params(withId(id, columns(patient), false)).update();
        if (rows == 0) {
            throw new NotFoundException("patient", id);
        }
        return patient;
    }

    public Optional<Patient> find(PatientId id) {
        return jdbc.sql("select * from patients where id = ?")
                .param(id.value())
                .query(Patients::patient)
                .optional();
    }

    public boolean exists(PatientId id) {
        return jdbc.sql("select exists (select 1 from patients where id = ?)")
                .param(id.value())
                .query(Boolean.class)
                .single();
    }

    /** Patients with this phone number (a family may share one), in any common notation. */
    public List<Patient> findByPhone(String phone) {
        String e164 = PhoneNumbers.requireValid(phone, DEFAULT_REGION, "phone");
        return jdbc.sql("select * from patients where phone = ? order by last_name, first_name")
                .param(e164)
                .query(Patients::patient)
                .list();
    }

    /** Patients with this last name (case-insensitive) and date of birth, optionally this first name. */
    public List<Patient> findByNameAndBirthDate(String lastName, String firstName, LocalDate dateOfBirth) {
        return jdbc.sql("""
                        select * from patients
                        where lower(last_name) = lower(?) and date_of_birth = ?
                          and (cast(? as text) is null or lower(first_name) = lower(?))
                        order by last_name, first_name
                        """)
                .params(lastName.strip(), dateOfBirth, firstName, firstName == null ? null : firstName.strip())
                .query(Patients::patient)
                .list();
    }

    /**
     * Staff's free search from one box, at most {@code limit} patients ordered by name. Every word
     * must match: a date ({@code 24.11.1980} or {@code 1980-11-24}) the date of birth; a number (or
     * part of one, in any common notation) the phone number — a leading 0 is the German trunk
     * prefix, so {@code 0151 1234} finds {@code +49151…1234…} — or, four digits, the year of birth;
     * any other word a part of the first or last name. So {@code mustermann 1980} works. Blank
     * finds nothing.
     */
    public List<Patient> search(String query, int limit) {
        List<String> words = PatientSearch.words(query == null ? "" : query);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select * from patients where true");
        List<Object> params = new ArrayList<>();
        for (String word : words) {
            Optional<LocalDate> date = PatientSearch.date(word);
            if (date.isPresent()) {
                sql.append(" and date_of_birth = ?");
                params.add(date.get());
            } else if (PatientSearch.isPhonePart(word)) {
                sql.append(" and (regexp_replace(coalesce(phone, ''), '\\D', '', 'g') like ?");
                params.add("%" + PatientSearch.phoneDigits(word) + "%");
                if (word.matches("\\d{4}")) {
                    sql.append(" or extract(year from date_of_birth) = ?");
                    params.add(Integer.parseInt(word));
                }
                sql.append(")");
            } else {
                sql.append(" and (first_name || ' ' || last_name) ilike ? escape '\\'");
                params.add("%" + PatientSearch.likeEscaped(word) + "%");
            }
        }
        sql.append(" order by lower(last_name), lower(first_name), date_of_birth limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(Patients::patient).list();
    }

    private Patient validated(PatientId id, NewPatient d) {
        List<FieldProblem> problems = new ArrayList<>();
        String first = text(d.firstName(), "firstName", 100, problems);
        String last = text(d.lastName(), "lastName", 100, problems);
        if (d.dateOfBirth() == null) {
            problems.add(new FieldProblem("dateOfBirth", "is required"));
        } else if (d.dateOfBirth().isAfter(LocalDate.now(clock))
                || d.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1))) {
            problems.add(new FieldProblem("dateOfBirth", "must be between 1900-01-01 and today"));
        }
        String phone = null;
        if (d.phone() != null && !d.phone().isBlank()) {
            phone = PhoneNumbers.toE164(d.phone(), DEFAULT_REGION).orElse(null);
            if (phone == null) {
                problems.add(new FieldProblem("phone", "is not a valid phone number"));
            }
        }
        String email =
                d.email() == null || d.email().isBlank() ? null : d.email().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "is not a valid e-mail address"));
        }
        String language = d.preferredLanguage() == null ? "de" : d.preferredLanguage();
        if (!List.of("de", "en", "ru").contains(language)) {
            problems.add(new FieldProblem("preferredLanguage", "must be de, en or ru"));
        }
        String notes = d.notes() == null ? "" : d.notes();
        if (notes.length() > 4000) {
            problems.add(new FieldProblem("notes", "must be at most 4000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Patient(
                id,
                first,
                last,
                d.dateOfBirth(),
                phone,
                email,
                language,
                d.insurance(),
                d.consent() == null ? Patient.Consent.NONE : d.consent(),
                notes);
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
        return stripped;
    }

    /** The patient's columns after the id, in table order; insert and update bind them alike. */
    private static List<Object> columns(Patient patient) {
        return java.util.Arrays.asList(
                patient.firstName(),
                patient.lastName(),
                patient.dateOfBirth(),
                patient.phone(),
                patient.email(),
                patient.preferredLanguage(),
                insurance(patient),
                patient.consent().sms(),
                patient.consent().email(),
                patient.consent().callRecording(),
                patient.notes());
    }

    private static List<Object> withId(PatientId id, List<Object> columns, boolean first) {
        List<Object> all = new ArrayList<>(columns);
        all.add(first ? 0 : all.size(), id.value());
        return all;
    }

    private static String insurance(Patient p) {
        return p.insurance() == null ? null : p.insurance().name().toLowerCase(Locale.ROOT);
    }

    private static Patient patient(ResultSet rs, int row) throws SQLException {
        String insurance = rs.getString("insurance");
        return new Patient(
                new PatientId(rs.getObject("id", UUID.class)),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("preferred_language"),
                insurance == null ? null : Patient.Insurance.valueOf(insurance.toUpperCase(Locale.ROOT)),
                new Patient.Consent(
                        rs.getBoolean("consent_sms"),
                        rs.getBoolean("consent_email"),
                        rs.getBoolean("consent_call_recording")),
                rs.getString("notes"));
    }
}
