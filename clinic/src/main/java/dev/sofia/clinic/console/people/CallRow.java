package dev.sofia.clinic.console.people;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One call as the console lists it.
 *
 * @param channel {@code web} or {@code phone}
 * @param patientName the patient Sofia recognised, if any
 * @param number the caller's number (E.164): staff may see it, logs never do
 * @param outcome the outcome's value ({@code booked} …), null while none is recorded
 * @param outcomeTone the badge's class: {@code ok}, {@code warn}, {@code bad} or empty
 * @param status {@code ringing}, {@code active}, {@code ended} or {@code failed}
 */
record CallRow(
        UUID id,
        String time,
        String channel,
        @Nullable UUID patientId,
        @Nullable String patientName,
        @Nullable String number,
        @Nullable String duration,
        @Nullable String outcome,
        String outcomeTone,
        String status,
        @Nullable String language,
        @Nullable String summary) {}
