package dev.sofia.clinic.livekit;

import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/livekit-token}: the original widget contract, a caller token for a room the
 * client names. Kept strict: names are short and plain, the token carries the same minimal caller
 * grants as {@code /api/sofia/connect}, and Sofia's own room prefixes are refused, so the endpoint
 * can never hand out a seat in someone's phone or web call. Sofia is dispatched into the room once.
 * New integrations should use {@code /api/sofia/connect}, where the server picks the room.
 */
@RestController
@Tag(name = "LiveKit")
class TokenController {

    /** Rooms Sofia creates for calls; a client-chosen room may not look like one. */
    static final List<String> RESERVED_ROOM_PREFIXES = List.of("call-", "sip-", "web-", "callback-");
    /** Identities of agents and SIP participants; a caller may not pose as one. */
    static final List<String> RESERVED_IDENTITY_PREFIXES = List.of("agent-", "sip-", "sip_");

    private static final String NAME = "[A-Za-z0-9_-]{1,64}";
    private static final String NAME_REASON = "must be 1 to 64 letters, digits, '-' or '_'";

    private final CallerTokens tokens;
    private final AgentRooms rooms;

    TokenController(CallerTokens tokens, AgentRooms rooms) {
        this.tokens = tokens;
        this.rooms = rooms;
    }

    @PostMapping("/api/livekit-token")
    @Operation(summary = "A caller token for a named room (minimal grants, 10 minutes); Sofia joins the room")
    TokenResponse issue(@Valid @RequestBody TokenRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        reservedPrefix(request.room(), RESERVED_ROOM_PREFIXES)
                .ifPresent(prefix -> problems.add(new FieldProblem("room", "must not start with '" + prefix + "'")));
        reservedPrefix(request.identity(), RESERVED_IDENTITY_PREFIXES)
                .ifPresent(
                        prefix -> problems.add(new FieldProblem("identity", "must not start with '" + prefix + "'")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        rooms.openNamedRoom(request.room(), "de");
        CallerTokens.CallerToken token = tokens.issue(request.room(), request.identity());
        return new TokenResponse(token.token(), token.url());
    }

    private static java.util.Optional<String> reservedPrefix(String name, List<String> prefixes) {
        String lower = name.toLowerCase(Locale.ROOT);
        return prefixes.stream().filter(lower::startsWith).findFirst();
    }

    record TokenRequest(
            @NotNull @Pattern(regexp = NAME, message = NAME_REASON)
            String identity,

            @NotNull @Pattern(regexp = NAME, message = NAME_REASON)
            String room) {}

    record TokenResponse(String token, String url) {
        @Override
        public String toString() {
            return "TokenResponse[url=" + url + "]";
        }
    }
}
