package dev.sofia.clinic.receptionist.tools;

import dev.sofia.agents.tools.Description;
import dev.sofia.agents.tools.Tool;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistCall.ListedAppointment;
import dev.sofia.clinic.receptionist.ReceptionistCall.OfferedSlot;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.Booking;
import dev.sofia.clinic.scheduling.BookingRequest;
import dev.sofia.clinic.scheduling.Hold;
import dev.sofia.clinic.scheduling.PartOfDay;
import dev.sofia.clinic.scheduling.Slot;
import dev.sofia.clinic.scheduling.SlotQuery;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The calendar tools: find free slots, hold one while the caller confirms, book it, list the
 * caller's appointments, move or cancel one. Slots and appointments are named by the short ids
 * these tools hand out ({@link ReceptionistCall}), so nothing can be booked that was not found.
 * Changes are idempotent per call (a repeated call returns the first result) and do not stop when
 * the caller interrupts.
 */
public final class SchedulingTools {

    /** Slots offered per search: enough to choose from, few enough to read out. */
    static final int OFFERED = 4;

    /** How far past the asked range a search looks for alternatives. */
    static final int ALTERNATIVE_DAYS = 21;

    private static final int LONGEST_RANGE_DAYS = 62;

    private final ReceptionistServices services;
    private final ReceptionistCall call;
    private final Catalogue catalogue;
    private final Outcomes outcomes;

    public SchedulingTools(ReceptionistServices services, ReceptionistCall call) {
        this.services = services;
        this.call = call;
        this.catalogue = new Catalogue(services.catalog());
        this.outcomes = new Outcomes(services, call);
    }

    @Tool("Finds free appointment slots for a treatment between two dates (inclusive, in the practice's "
            + "time zone). Offer the caller only slots this returns, by their time and doctor.")
    public ToolReplies.SlotsFound findFreeSlots(
            @Description("the treatment's code from your instructions (e.g. kontrolle)") String treatment,
            @Description("first day to search") LocalDate from,
            @Description("last day to search; the same as from for one day") @Nullable LocalDate to,
            @Description("a doctor's name, only if the caller asked for one") @Nullable String doctor,
            @Description("only if the caller named a part of the day") @Nullable PartOfDay partOfDay,
            @Description("the time the caller would like, if they named one: slots nearest to it come first") @Nullable
                    LocalTime preferredTime) {
        AppointmentType type = catalogue.treatment(treatment);
        call.patient().ifPresent(patient -> requireAllowedFor(type, patient));
        DoctorId doctorId = doctor == null || doctor.isBlank()
                ? null
                : catalogue.doctor(doctor).id();
        LocalDate today = LocalDate.now(services.clock().withZone(zone()));
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = to == null || to.isBefore(first) ? first : to;
        if (last.isAfter(first.plusDays(LONGEST_RANGE_DAYS))) {
            last = first.plusDays(LONGEST_RANGE_DAYS);
        }
        List<Slot> found = search(type, doctorId, first, last, partOfDay);
        String note = null;
        if (found.isEmpty()) {
            found = search(type, doctorId, last.plusDays(1), last.plusDays(ALTERNATIVE_DAYS), partOfDay);
            if (found.isEmpty() && partOfDay != null) {
                found = search(type, doctorId, first, last.plusDays(ALTERNATIVE_DAYS), null);
            }
            note = found.isEmpty()
                    ? "nothing free in the next " + ALTERNATIVE_DAYS + " days after the range either"
                    : "nothing free in the range asked for; these are the next free ones";
        }
        List<Slot> chosen = choose(found, preferredTime);
        String language = call.language();
        List<ToolReplies.SlotOffer> offers = chosen.stream()
                .map(slot -> {
                    OfferedSlot offered = call.offer(type.id(), slot);
                    ZonedDateTime at = slot.start().atZone(zone());
                    return new ToolReplies.SlotOffer(
                            offered.id(),
                            at.toLocalDate().toString(),
                            at.toLocalTime().toString(),
                            Spoken.dateTime(at, language),
                            catalogue.doctorName(slot.doctorId()),
                            type.name().in(language));
                })
                .toList();
        return new ToolReplies.SlotsFound(offers, note);
    }

    @Tool(
            value = "Holds an offered slot for a few minutes while you read it back to the caller and they "
                    + "confirm. Returns the read-back text.",
            interruptible = false)
    public ToolReplies.SlotHeld holdSlot(@Description("the slotId from find_free_slots") String slotId) {
        OfferedSlot offered = offeredSlot(slotId);
        call.hold().ifPresent(previous -> {
            if (!previous.slot().equals(offered.slot())) {
                services.holds().release(previous.id());
            }
        });
        Hold hold = call.hold()
                .filter(h -> h.slot().equals(offered.slot()))
                .orElseGet(() -> ToolProblems.translated(() -> services.holds()
                        .hold(
                                offered.typeId(),
                                offered.slot().doctorId(),
                                offered.slot().start())));
        call.hold(hold);
        call.readBack(offered);
        long minutes = Math.max(
                1,
                Duration.between(services.clock().instant(), hold.expiresAt()).toMinutes());
        return new ToolReplies.SlotHeld(offered.id(), readBack(offered), Long.toString(minutes));
    }

    @Tool(
            value = "Books an offered slot for the identified patient, after the caller confirmed the read-back "
                    + "of date, time and doctor.",
            interruptible = false)
    public ToolReplies.CalendarChange bookAppointment(
            @Description("the slotId from find_free_slots") String slotId,
            @Description("a short note for the practice, e.g. the complaint") @Nullable String notes) {
        OfferedSlot offered = offeredSlot(slotId);
        Patient patient = requirePatient();
        if (!call.wasReadBack(offered)) {
            // the rule "read back date, time and doctor before booking" is kept by the tools, not
            // left to the model: a booking needs the hold that returned the read-back
            throw ToolProblems.refuse(
                    "not-read-back", "hold_slot first and read date, time and doctor back to the caller");
        }
        Hold hold = call.hold().filter(h -> h.slot().equals(offered.slot())).orElse(null);
        BookingRequest request = new BookingRequest(
                patient.id(),
                offered.typeId(),
                offered.slot().doctorId(),
                offered.slot().start(),
                call.bookingSource(),
                call.callSessionId().orElse(null),
                notes == null || notes.isBlank() ? null : Catalogue.clip(notes),
                hold == null ? null : hold.id());
        // one key per call, patient and slot: a repeated tool call returns the first booking
        String key = "sofia-" + call.roomName() + "-" + patient.id().value() + "-" + offered.id();
        services.catalog().appointmentType(offered.typeId()).ifPresent(type -> requireAllowedFor(type, patient));
        Booking.Booked booked;
        try {
            booked = ToolProblems.translated(() -> services.booking().book(request, key));
        } catch (RuntimeException refused) {
            // the slot stays free for the next search of this call instead of waiting out the hold
            if (hold != null) {
                services.holds().release(hold.id());
                call.hold(null);
            }
            throw refused;
        }
        call.hold(null);
        ListedAppointment listed = call.list(booked.appointment());
        ToolReplies.AppointmentInfo info = info(listed);
        outcomes.record(CallOutcome.BOOKED, "booked", info);
        return new ToolReplies.CalendarChange("booked", info);
    }

    @Tool("Lists the identified patient's upcoming appointments.")
    public ToolReplies.Appointments findMyAppointments() {
        Patient patient = requirePatient();
        List<ToolReplies.AppointmentInfo> upcoming =
                services
                        .appointments()
                        .upcomingFor(patient.id(), services.clock().instant())
                        .stream()
                        .filter(Appointment::isActive)
                        .map(call::list)
                        .map(this::info)
                        .toList();
        return new ToolReplies.Appointments(patient.firstName() + " " + patient.lastName(), upcoming);
    }

    @Tool(
            value = "Moves one of the patient's appointments to an offered slot of the same treatment, after the "
                    + "caller confirmed the new date, time and doctor.",
            interruptible = false)
    public ToolReplies.CalendarChange rescheduleAppointment(
            @Description("the appointmentId from find_my_appointments") String appointmentId,
            @Description("the slotId from find_free_slots") String slotId) {
        ListedAppointment listed = ownAppointment(appointmentId);
        OfferedSlot offered = offeredSlot(slotId);
        Appointment current = listed.appointment();
        if (current.status() == AppointmentStatus.CANCELLED) {
            throw ToolProblems.refuse("not-active", "that appointment is cancelled and cannot be moved");
        }
        if (!current.typeId().equals(offered.typeId())) {
            throw ToolProblems.refuse(
                    "wrong-treatment", "search slots for the appointment's own treatment before moving it");
        }
        // the caller's own hold on the new slot (hold_slot while they confirmed) would block the move
        call.hold().filter(h -> h.slot().equals(offered.slot())).ifPresent(h -> {
            services.holds().release(h.id());
            call.hold(null);
        });
        Appointment moved = ToolProblems.translated(() -> services.booking()
                .reschedule(current.id(), offered.slot().start(), offered.slot().doctorId(), call.bookingSource()));
        call.list(services.appointments().find(current.id()).orElse(current));
        ToolReplies.AppointmentInfo info = info(call.list(moved));
        outcomes.record(CallOutcome.RESCHEDULED, "rescheduled", info);
        return new ToolReplies.CalendarChange("rescheduled", info);
    }

    @Tool(
            value = "Cancels one of the patient's appointments, after the caller confirmed which one.",
            interruptible = false)
    public ToolReplies.CalendarChange cancelAppointment(
            @Description("the appointmentId from find_my_appointments") String appointmentId,
            @Description("the reason the caller gave, if any") @Nullable String reason) {
        ListedAppointment listed = ownAppointment(appointmentId);
        Appointment current =
                services.appointments().find(listed.appointment().id()).orElse(listed.appointment());
        Appointment cancelled = current.status() == AppointmentStatus.CANCELLED
                ? current // already cancelled (a repeated call): the same answer again
                : ToolProblems.translated(() -> services.lifecycle()
                        .cancel(
                                current.id(),
                                reason == null || reason.isBlank()
                                        ? "cancelled by the caller"
                                        : Catalogue.clip(reason)));
        ToolReplies.AppointmentInfo info = info(call.list(cancelled));
        outcomes.record(CallOutcome.CANCELLED, "cancelled", info);
        return new ToolReplies.CalendarChange("cancelled", info);
    }

    private List<Slot> search(
            AppointmentType type, @Nullable DoctorId doctor, LocalDate from, LocalDate to, @Nullable PartOfDay part) {
        return ToolProblems.translated(
                () -> services.availability().findSlots(new SlotQuery(type.id(), doctor, from, to, part, 0)));
    }

    /**
     * The earliest slots; with a preferred time, the earliest day's slots nearest to it, read out in
     * order of time.
     */
    private List<Slot> choose(List<Slot> found, @Nullable LocalTime preferred) {
        if (preferred == null) {
            return found.stream().limit(OFFERED).toList();
        }
        return found.stream()
                .sorted(Comparator.comparing(
                                (Slot s) -> s.start().atZone(zone()).toLocalDate())
                        .thenComparing(s -> Math.abs(Duration.between(
                                        preferred, s.start().atZone(zone()).toLocalTime())
                                .toMinutes())))
                .limit(OFFERED)
                .sorted(Comparator.comparing(Slot::start))
                .toList();
    }

    /** Some treatments are for patients the practice knows (e.g. a filling after a check-up). */
    private void requireAllowedFor(AppointmentType type, Patient patient) {
        if (!type.newPatientsAllowed() && !services.appointments().hasHistory(patient.id())) {
            throw ToolProblems.refuse(
                    "existing-patients-only",
                    type.name().in(call.language()) + " is only for patients who have been treated here; "
                            + "offer a first check-up instead");
        }
    }

    private OfferedSlot offeredSlot(String slotId) {
        return call.offered(slotId)
                .orElseThrow(() -> ToolProblems.refuse(
                        "unknown-slot", "'" + Catalogue.clip(slotId) + "' is not a slot you found; search first"));
    }

    private ListedAppointment ownAppointment(String appointmentId) {
        Patient patient = requirePatient();
        ListedAppointment listed = call.listed(appointmentId)
                .orElseThrow(() -> ToolProblems.refuse(
                        "unknown-appointment",
                        "'" + Catalogue.clip(appointmentId) + "' is not an appointment you listed; list them first"));
        if (!listed.appointment().patientId().equals(patient.id())) {
            throw ToolProblems.refuse("not-own-appointment", "that appointment belongs to another patient");
        }
        return listed;
    }

    private Patient requirePatient() {
        return call.patient()
                .orElseThrow(() -> ToolProblems.refuse(
                        "patient-unknown",
                        "identify the patient (last name and date of birth) or register them first"));
    }

    private String readBack(OfferedSlot offered) {
        String language = call.language();
        String when = Spoken.dateTime(offered.slot().start().atZone(zone()), language);
        String treatment = catalogue.treatmentName(offered.typeId(), language);
        String doctor = catalogue.doctorName(offered.slot().doctorId());
        return switch (language) {
            case "en" -> treatment + " on " + when + " with " + doctor;
            case "ru" -> treatment + ": " + when + ", врач " + doctor;
            default -> treatment + " am " + when + " bei " + doctor;
        };
    }

    private ToolReplies.AppointmentInfo info(ListedAppointment listed) {
        Appointment a = listed.appointment();
        ZonedDateTime at = a.start().atZone(zone());
        String language = call.language();
        return new ToolReplies.AppointmentInfo(
                listed.id(),
                at.toLocalDate().toString(),
                at.toLocalTime().toString(),
                Spoken.dateTime(at, language),
                catalogue.doctorName(a.doctorId()),
                catalogue.treatmentName(a.typeId(), language),
                a.status().name().toLowerCase(java.util.Locale.ROOT));
    }

    private ZoneId zone() {
        return services.catalog().practice().timeZone();
    }
}
