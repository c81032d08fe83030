package dev.sofia.clinic.receptionist.corpus;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistTestBase;
import dev.sofia.clinic.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the demo practice differs from its seeded state before a scenario's call starts. Applied
 * after the call exists and before Sofia gets her instructions (so a changed clock is her "now").
 */
public sealed interface Setup {

    void apply(World world);

    /** What a setup may change. */
    interface World {
        JdbcClient jdbc();

        TestClock clock();

        ReceptionistCall call();

        Patients patients();
    }

    /** The whole practice is closed that day (a blockout without doctor or chair): nothing is free. */
    static Setup blockDay(String day, String reason) {
        return new BlockDay(LocalDate.parse(day), reason);
    }

    /** "Now" is this local time in Berlin instead of Monday 23 November 2026, 9:00. */
    static Setup clockAt(String localDateTime) {
        return new ClockAt(LocalDateTime.parse(localDateTime.replace(' ', 'T')));
    }

    /** The practice configured its front desk (main) and emergency line as transfer targets. */
    static Setup transferTargets() {
        return new TransferTargets();
    }

    /** The worker recognised the calling number as this patient's before the call started. */
    static Setup callerRecognised() {
        return new CallerRecognised();
    }

    record BlockDay(LocalDate day, String reason) implements Setup {
        @Override
        public void apply(World world) {
            world.jdbc()
                    .sql("insert into blockouts (id, starts_at, ends_at, reason) values (?, ?, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            utc(day.atStartOfDay()),
                            utc(day.plusDays(1).atStartOfDay()),
                            reason)
                    .update();
        }
    }

    record ClockAt(LocalDateTime berlin) implements Setup {
        @Override
        public void apply(World world) {
            world.clock().set(berlin.atZone(ReceptionistTestBase.BERLIN).toInstant());
        }
    }

    record TransferTargets() implements Setup {
        @Override
        public void apply(World world) {
            world.jdbc().sql("""
                            insert into transfer_targets (id, kind, number, label) values
                                (?, 'main', '+4930901820', 'Empfang'),
                                (?, 'emergency', '+4930901829', 'Notfalldienst')
                            """).params(UUID.randomUUID(), UUID.randomUUID()).update();
        }
    }

    record CallerRecognised() implements Setup {
        @Override
        public void apply(World world) {
            String number = world.call().callerNumber().orElseThrow();
            var patient = world.jdbc()
                    .sql("select id from patients where phone = ?")
                    .param(number)
                    .query(UUID.class)
                    .single();
            world.call().patient(world.patients().find(new PatientId(patient)).orElseThrow());
        }
    }

    private static OffsetDateTime utc(LocalDateTime berlin) {
        return berlin.atZone(ReceptionistTestBase.BERLIN).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
