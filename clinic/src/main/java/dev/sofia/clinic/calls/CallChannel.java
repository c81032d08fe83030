package dev.sofia.clinic.calls;

import java.util.Locale;

/** How the caller reached Sofia. */
public enum CallChannel {
    /** The voice widget on the practice's web page (WebRTC). */
    WEB,
    /** A phone call through LiveKit SIP. */
    PHONE;

    /** Phone rooms are named {@code call-…} by the SIP dispatch rules; every other room is a web call. */
    static final String PHONE_ROOM_PREFIX = "call-";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CallChannel of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    static CallChannel ofRoom(String roomName) {
        return roomName.startsWith(PHONE_ROOM_PREFIX) ? PHONE : WEB;
    }
}
