package dev.sofia.clinic.receptionist.tools;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the receptionist's tools answer, as records the model reads as JSON. Dates are ISO
 * ({@code date}, {@code time} in the practice's time zone) and also written out ({@code spoken}) in
 * the caller's language, so the model reads back exactly what was found instead of composing it.
 */
public final class ToolReplies {

    private ToolReplies() {}

    /** A free slot, under the id a booking must name. */
    public record SlotOffer(String slotId, String date, String time, String spoken, String doctor, String treatment) {}

    /** Free slots; {@code note} says when they are not in the range asked for. */
    public record SlotsFound(
            List<SlotOffer> slots, @Nullable String note) {}

    /** A slot held for the caller while they confirm; {@code readBack} is what to confirm with them. */
    public record SlotHeld(String slotId, String readBack, String expiresInMinutes) {}

    /** An appointment of the caller, under the id a change must name. */
    public record AppointmentInfo(
            String appointmentId,
            String date,
            String time,
            String spoken,
            String doctor,
            String treatment,
            String status) {}

    /** The caller's upcoming appointments. */
    public record Appointments(String patient, List<AppointmentInfo> appointments) {}

    /** A booking, a move or a cancellation that is now in the calendar. */
    public record CalendarChange(String result, AppointmentInfo appointment) {}

    /** Who the caller is, once known. */
    public record PatientInfo(String result, String name, String dateOfBirth, boolean newPatient) {}

    /** A plain answer (practice information, a message taken, a transfer). */
    public record Answer(String result, String text) {}
}
