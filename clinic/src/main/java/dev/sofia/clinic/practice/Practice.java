package dev.sofia.clinic.practice;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The practice this deployment serves. Times in the calendar are stored in UTC and shown in
 * {@link #timeZone()}; {@code slotInterval} is the grid free slots are offered on; {@code callLimits}
 * bound how long a call with Sofia lasts and how many she answers at once.
 */
public record Practice(
        String name,
        Address address,
        String phone,
        ZoneId timeZone,
        List<String> languages,
        TransferNumbers transferNumbers,
        Duration slotInterval,
        Duration holdTtl,
        CallLimits callLimits,
        List<OpeningHours> openingHours) {

    public Practice {
        languages = List.copyOf(languages);
        openingHours = List.copyOf(openingHours);
    }

    /** Postal address. */
    public record Address(String street, String postalCode, String city, String country) {}

    /** Where calls are transferred: the front desk and the emergency line (E.164, may be null). */
    public record TransferNumbers(String main, String emergency) {}
}
