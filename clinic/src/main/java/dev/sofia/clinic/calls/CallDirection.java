package dev.sofia.clinic.calls;

import java.util.Locale;

/** Who called whom: outbound only for the calls Sofia places ({@code callback-…} rooms). */
public enum CallDirection {
    INBOUND,
    OUTBOUND;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CallDirection of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    static CallDirection ofRoom(String roomName) {
        return roomName.startsWith(CallChannel.CALLBACK_ROOM_PREFIX) ? OUTBOUND : INBOUND;
    }
}
