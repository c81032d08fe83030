package dev.sofia.clinic.receptionist;

import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.BookingSource;
import dev.sofia.clinic.scheduling.Hold;
import dev.sofia.clinic.scheduling.Slot;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What Sofia knows about one call while it runs: where it comes from, who the caller turned out to
 * be, which slots and appointments she has named (tools accept only those, so the model cannot
 * book a time it invented), and the slot she holds while the caller confirms. One per call; the
 * tools of that call share it. Thread-safe: independent tool calls run in parallel.
 */
public final class ReceptionistCall {

    /** How the caller reached the practice. */
    public enum Channel {
        WEB,
        PHONE,
        /** the text console ({@code sofia console}) and tests */
        CONSOLE
    }

    /** A free slot Sofia offered, under the short id she gave it. */
    public record OfferedSlot(String id, AppointmentTypeId typeId, Slot slot) {}

    /** An appointment Sofia listed for the caller, under the short id she gave it. */
    public record ListedAppointment(String id, Appointment appointment) {}

    private final @Nullable UUID callSessionId;
    private final String roomName;
    private final Channel channel;
    private final @Nullable String callerNumber;
    private volatile String language;
    private volatile @Nullable Patient patient;
    private volatile @Nullable Hold hold;
    private final Map<String, OfferedSlot> offeredSlots = new LinkedHashMap<>();
    private final Map<String, ListedAppointment> listedAppointments = new LinkedHashMap<>();
    private final java.util.Set<String> readBack = new java.util.HashSet<>();
    private int slotCounter;
    private int appointmentCounter;

    public ReceptionistCall(
            @Nullable UUID callSessionId,
            String roomName,
            Channel channel,
            @Nullable String callerNumber,
            String language) {
        this.callSessionId = callSessionId;
        this.roomName = roomName;
        this.channel = channel;
        this.callerNumber = callerNumber;
        this.language = normalizeLanguage(language);
    }

    /** de, en or ru; anything else is German, the practice's default. */
    public static String normalizeLanguage(@Nullable String language) {
        if (language == null) {
            return "de";
        }
        String base = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return switch (base) {
            case "en", "ru" -> base;
            default -> "de";
        };
    }

    public Optional<UUID> callSessionId() {
        return Optional.ofNullable(callSessionId);
    }

    public String roomName() {
        return roomName;
    }

    public Channel channel() {
        return channel;
    }

    public Optional<String> callerNumber() {
        return Optional.ofNullable(callerNumber);
    }

    public BookingSource bookingSource() {
        return channel == Channel.PHONE ? BookingSource.PHONE : BookingSource.WEB;
    }

    public String language() {
        return language;
    }

    public void language(String value) {
        this.language = normalizeLanguage(value);
    }

    public Optional<Patient> patient() {
        return Optional.ofNullable(patient);
    }

    public void patient(Patient value) {
        this.patient = value;
    }

    public Optional<Hold> hold() {
        return Optional.ofNullable(hold);
    }

    public void hold(@Nullable Hold value) {
        this.hold = value;
    }

    /** Remembers an offered slot and returns the id Sofia calls it by (S1, S2, …). */
    public synchronized OfferedSlot offer(AppointmentTypeId typeId, Slot slot) {
        for (OfferedSlot known : offeredSlots.values()) {
            if (known.typeId().equals(typeId) && known.slot().equals(slot)) {
                return known;
            }
        }
        OfferedSlot offered = new OfferedSlot("S" + ++slotCounter, typeId, slot);
        offeredSlots.put(offered.id(), offered);
        return offered;
    }

    public synchronized Optional<OfferedSlot> offered(String id) {
        return Optional.ofNullable(offeredSlots.get(id.strip().toUpperCase(Locale.ROOT)));
    }

    /** Notes that this offered slot was read back to the caller (by {@code hold_slot}). */
    public synchronized void readBack(OfferedSlot slot) {
        readBack.add(slot.id());
    }

    /** Whether the caller heard this slot read back, which a booking requires. */
    public synchronized boolean wasReadBack(OfferedSlot slot) {
        return readBack.contains(slot.id());
    }

    /** Remembers a listed appointment and returns the id Sofia calls it by (A1, A2, …). */
    public synchronized ListedAppointment list(Appointment appointment) {
        for (ListedAppointment known : listedAppointments.values()) {
            if (known.appointment().id().equals(appointment.id())) {
                ListedAppointment updated = new ListedAppointment(known.id(), appointment);
                listedAppointments.put(known.id(), updated);
                return updated;
            }
        }
        ListedAppointment listed = new ListedAppointment("A" + ++appointmentCounter, appointment);
        listedAppointments.put(listed.id(), listed);
        return listed;
    }

    public synchronized Optional<ListedAppointment> listed(String id) {
        return Optional.ofNullable(listedAppointments.get(id.strip().toUpperCase(Locale.ROOT)));
    }
}
