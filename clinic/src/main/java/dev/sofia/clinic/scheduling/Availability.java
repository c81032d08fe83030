package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers "when is there a free slot?" for one appointment type. */
@Service
public class Availability {

    /** The widest search one request may ask for. */
    static final int MAX_RANGE_DAYS = 366;

    private final PracticeCatalog catalog;
    private final ScheduleReader reader;
    private final Clock clock;

    Availability(PracticeCatalog catalog, ScheduleReader reader, Clock clock) {
        this.catalog = catalog;
        this.reader = reader;
        this.clock = clock;
    }

    /** Free slots matching the query, earliest first. */
    @Transactional(readOnly = true)
    public List<Slot> findSlots(SlotQuery query) {
        Practice practice = catalog.practice();
        AppointmentType type = bookableType(query.typeId());
        List<DoctorId> doctors = doctorsFor(type, query.doctorId());
        if (query.to().isBefore(query.from())) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(query.from(), query.to()) >= MAX_RANGE_DAYS) {
            throw new InvalidInputException("to", "the range may span at most " + MAX_RANGE_DAYS + " days");
        }
        Instant now = clock.instant();
        SlotFinder finder = finder(practice, type, now);
        if (query.from().isAfter(finder.lastBookableDay())) {
            throw new InvalidInputException(
                    "from", "is beyond the booking horizon of " + type.horizonDays() + " days for this type");
        }
        LocalDate last = query.to().isAfter(finder.lastBookableDay()) ? finder.lastBookableDay() : query.to();
        ScheduleReader.Snapshot snapshot = reader.read(
                type,
                doctors,
                query.from(),
                last,
                query.from().minusDays(1).atStartOfDay(practice.timeZone()).toInstant(),
                last.plusDays(2).atStartOfDay(practice.timeZone()).toInstant(),
                now);
        return finder.find(snapshot.doctors(), snapshot.chairs(), query.from(), last, query.partOfDay(), query.limit());
    }

    static SlotFinder finder(Practice practice, AppointmentType type, Instant now) {
        return new SlotFinder(
                practice.timeZone(),
                practice.slotInterval(),
                type.duration(),
                type.occupancy(),
                type.minimumNotice(),
                type.horizonDays(),
                now);
    }

    AppointmentType bookableType(AppointmentTypeId id) {
        AppointmentType type = catalog.appointmentType(id)
                .orElseThrow(() -> new UnknownReferenceException("typeId", "appointment type"));
        if (!type.active()) {
            throw new InvalidInputException("typeId", "this appointment type is no longer offered");
        }
        return type;
    }

    /** The doctors to search: the one asked for (who must perform the type), else all who do. */
    List<DoctorId> doctorsFor(AppointmentType type, DoctorId requested) {
        if (requested == null) {
            // Doctors in display-name order, so ties at the same time are offered predictably.
            return catalog.doctors().stream()
                    .filter(d -> d.active() && type.performedBy(d.id()))
                    .map(Doctor::id)
                    .toList();
        }
        var doctor = catalog.doctor(requested).orElseThrow(() -> new UnknownReferenceException("doctorId", "doctor"));
        if (!doctor.active() || !type.performedBy(requested)) {
            throw new InvalidInputException("doctorId", "this doctor does not perform this appointment type");
        }
        return List.of(requested);
    }
}
