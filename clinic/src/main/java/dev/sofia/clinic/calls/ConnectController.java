package dev.sofia.clinic.calls;

import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.livekit.CallerTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sofia/connect}: a web caller asks to talk to Sofia. The server picks everything:
 * a new {@code web-<uuid>} room with Sofia dispatched into it, an opaque caller identity, a
 * short-lived token with the minimal caller grants, and a ringing call session. The optional
 * participant name is validated and then not used: nothing a caller types ends up in a token.
 */
@RestController
@Tag(name = "Calls")
class ConnectController {

    static final String DEFAULT_LANGUAGE = "de";
    static final String IDENTITY_PREFIX = "caller-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgentRooms rooms;
    private final CallerTokens tokens;
    private final CallSessions sessions;

    ConnectController(AgentRooms rooms, CallerTokens tokens, CallSessions sessions) {
        this.rooms = rooms;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @PostMapping("/api/sofia/connect")
    @Operation(summary = "Start a web call: a new room with Sofia in it and a caller token for it (201)")
    ResponseEntity<ConnectView> connect(@Valid @RequestBody(required = false) @Nullable ConnectBody body) {
        String language = body == null || body.language() == null ? DEFAULT_LANGUAGE : body.language();
        String identity = IDENTITY_PREFIX + randomHex(16);
        AgentRooms.OpenedRoom room = rooms.openWebRoom(language);
        CallerTokens.CallerToken token = tokens.issue(room.name(), identity);
        sessions.openWebSession(room.name(), room.sid(), identity, language, room.dispatchId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ConnectView(token.url(), token.token(), token.room(), token.identity(), token.expiresAt()));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * @param participantName how the caller calls themselves; at most 64 printable characters
     * @param language Sofia's language for this call: de (default), en or ru
     */
    record ConnectBody(
            @Size(max = 64, message = "must be at most 64 characters")
            @Pattern(regexp = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*", message = "must be printable text")
            @Nullable
            String participantName,

            @Pattern(regexp = "de|en|ru", message = "must be de, en or ru") @Nullable
            String language) {}

    /** Where and how to join: a LiveKit URL, a caller token valid until {@code expiresAt}. */
    record ConnectView(String url, String token, String room, String identity, Instant expiresAt) {
        @Override
        public String toString() {
            return "ConnectView[room=" + room + ", identity=" + identity + ", expiresAt=" + expiresAt + "]";
        }
    }
}
