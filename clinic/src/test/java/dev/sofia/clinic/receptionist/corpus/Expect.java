package dev.sofia.clinic.receptionist.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.calls.CallOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One fact the database must hold after a scenario's call. Times are Berlin local time written
 * "2026-11-24 09:30". Besides the facts listed, a scenario checks that nothing else happened
 * ({@link CorpusDb#nothingElse}): no other appointment made or changed, patient registered,
 * message left or transfer made.
 */
public sealed interface Expect {

    void verify(CorpusDb db);

    /** A new appointment, made by this call (source web or phone, the call's session). */
    static Expect booked(String patient, String type, String start, String doctor) {
        return new Booked(patient, type, start, doctor);
    }

    /** The seeded appointment at {@code from} was moved by this call to {@code to}. */
    static Expect moved(String patient, String from, String to, String doctor) {
        return new Moved(patient, from, to, doctor);
    }

    /** The seeded appointment at {@code start} was cancelled. */
    static Expect cancelled(String patient, String start) {
        return new Cancelled(patient, start);
    }

    /** The calendar, the patients and the messages are as seeded (the implicit check does the work). */
    static Expect nothingChanged() {
        return new NothingChanged();
    }

    /**
     * The calendar and the patients are as seeded; unlike {@link #nothingChanged}, a message for
     * staff or a transfer may have happened (for engines whose way of helping is open).
     */
    static Expect noCalendarChange() {
        return new NoCalendarChange();
    }

    record NoCalendarChange() implements Expect {
        @Override
        public void verify(CorpusDb db) {}
    }

    /** The call session's outcome, and the start of its summary for staff. */
    static Expect outcome(CallOutcome outcome, @Nullable String summaryStart) {
        return new Outcome(outcome, summaryStart);
    }

    static Expect outcome(CallOutcome outcome) {
        return new Outcome(outcome, null);
    }

    static Expect noOutcome() {
        return new Outcome(null, null);
    }

    /** The call session names this patient as the caller. */
    static Expect callerIs(String patient) {
        return new CallerIs(patient);
    }

    static Expect callerUnknown() {
        return new CallerIs(null);
    }

    /** A new patient, registered by this call. */
    static Expect registered(String first, String last, String dateOfBirth, @Nullable String phone, String language) {
        return new Registered(first, last, LocalDate.parse(dateOfBirth), phone, language);
    }

    /** A callback message for staff with this number, its reason mentioning {@code about} (any case). */
    static Expect callback(@Nullable String phone, String about) {
        return new Left("callback", phone, about);
    }

    /** A handover for staff (a web caller who wanted a person), its reason mentioning {@code about}. */
    static Expect handover(String about) {
        return new Left("handover", null, about);
    }

    /** A phone call put through to a configured line: main or emergency. */
    static Expect transferred(String line) {
        return new Transferred(line);
    }

    /** No slot is held any more (a hold the caller changed their mind about was released). */
    static Expect noHolds() {
        return new NoHolds();
    }

    /** No message for staff carries this number (one the caller asked to be put through to). */
    static Expect neverDialled(String number) {
        return new NeverDialled(number);
    }

    record NoHolds() implements Expect {
        @Override
        public void verify(CorpusDb db) {
            assertThat(db.slotHolds()).as("slots still held").isZero();
        }
    }

    record NeverDialled(String number) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            assertThat(db.messages()).as("messages").noneMatch(m -> number.equals(m.phone()));
        }
    }

    record Booked(String patient, String type, String start, String doctor) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            List<CorpusDb.Appointment> made = db.madeByTheCall().stream()
                    .filter(a -> a.patient().equals(patient))
                    .toList();
            assertThat(made)
                    .as("%s's appointments made by the call", patient)
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.start()).as("start").isEqualTo(start);
                        assertThat(a.type()).as("treatment").isEqualTo(type);
                        assertThat(a.doctor()).as("doctor").contains(doctor);
                        assertThat(a.status()).as("status").isEqualTo("booked");
                        assertThat(a.source()).as("source").isEqualTo(db.source());
                        assertThat(a.callSessionId())
                                .as("call session")
                                .isEqualTo(db.session().id());
                        assertThat(a.rescheduledFrom()).as("rescheduled from").isNull();
                    });
        }
    }

    record Moved(String patient, String from, String to, String doctor) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            CorpusDb.Appointment old = db.seeded(patient, from);
            assertThat(db.now(old.id()).status())
                    .as("the appointment moved away from")
                    .isEqualTo("cancelled");
            assertThat(db.madeByTheCall().stream()
                            .filter(a -> old.id().equals(a.rescheduledFrom()))
                            .toList())
                    .as("the appointment moved to")
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.start()).as("start").isEqualTo(to);
                        assertThat(a.type()).as("treatment").isEqualTo(old.type());
                        assertThat(a.doctor()).as("doctor").contains(doctor);
                        assertThat(a.status()).as("status").isEqualTo("booked");
                        assertThat(a.source()).as("source").isEqualTo(db.source());
                    });
        }
    }

    record Cancelled(String patient, String start) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            CorpusDb.Appointment old = db.seeded(patient, start);
            assertThat(db.now(old.id()).status())
                    .as("%s's appointment at %s", patient, start)
                    .isEqualTo("cancelled");
        }
    }

    record NothingChanged() implements Expect {
        @Override
        public void verify(CorpusDb db) {}
    }

    record Outcome(@Nullable CallOutcome outcome, @Nullable String summaryStart) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            assertThat(db.session().outcome()).as("the call's outcome").isEqualTo(outcome);
            if (summaryStart != null) {
                assertThat(db.session().summary()).as("the call's summary").startsWith(summaryStart);
            }
        }
    }

    record CallerIs(@Nullable String patient) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            assertThat(db.session().patientId())
                    .as("the call's patient")
                    .isEqualTo(patient == null ? null : db.patientId(patient));
        }
    }

    record Registered(
            String first,
            String last,
            LocalDate dateOfBirth,
            @Nullable String phone,
            String language) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            var row = db.patient(last);
            assertThat(row.get("first_name")).as("first name").isEqualTo(first);
            assertThat(row.get("date_of_birth").toString()).as("date of birth").isEqualTo(dateOfBirth.toString());
            assertThat(row.get("phone")).as("phone").isEqualTo(phone);
            assertThat(row.get("preferred_language")).as("language").isEqualTo(language);
        }
    }

    record Left(String kind, @Nullable String phone, String about) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            assertThat(db.messages()).as("a %s message about '%s'", kind, about).anySatisfy(m -> {
                assertThat(m.kind()).isEqualTo(kind);
                if (kind.equals("callback")) {
                    assertThat(m.phone()).isEqualTo(phone);
                }
                assertThat(m.reason().toLowerCase(Locale.ROOT)).contains(about.toLowerCase(Locale.ROOT));
            });
        }
    }

    record Transferred(String line) implements Expect {
        @Override
        public void verify(CorpusDb db) {
            assertThat(db.transfers()).as("transfers").contains(line);
        }
    }
}
