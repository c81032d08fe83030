package dev.sofia.clinic.calls;

import java.util.Locale;

/** How the caller reached Sofia. */
public enum CallChannel {
    /** The voice widget on the practice's web page (WebRTC). */
    WEB,
    /** A phone call through LiveKit SIP. */
    PHONE;

    /** Incoming phone calls: rooms named {@code call-…} by the SIP dispatch rules. */
    static final String PHONE_ROOM_PREFIX = "call-";

    /** Calls Sofia places (telephony's call-backs) are in rooms named {@code callback-…}. */
    static final String CALLBACK_ROOM_PREFIX = "callback-";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CallChannel of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Phone for {@code call-…} and {@code callback-…} rooms; every other room is a web call. */
    static CallChannel ofRoom(String roomName) {
        return roomName.startsWith(PHONE_ROOM_PREFIX) || roomName.startsWith(CALLBACK_ROOM_PREFIX) ? PHONE : WEB;
    }
}
