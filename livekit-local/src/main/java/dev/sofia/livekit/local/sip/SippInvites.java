package dev.sofia.livekit.local.sip;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When SIPp sent each INVITE, read from its message log ({@code -trace_msg}): every entry starts
 * with a line of dashes and SIPp's local time; an INVITE's SDP names the audio port of the call,
 * which is how the test tells its calls apart.
 */
public final class SippInvites {

    private static final Pattern ENTRY = Pattern.compile(
            "-{20,} (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6})\\s+UDP message sent[^\\n]*\\n\\s*INVITE .*?m=audio (\\d+)",
            Pattern.DOTALL);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SippInvites() {}

    /** The first INVITE sent for each audio port. */
    public static Map<Integer, Instant> byAudioPort(String messageLog) {
        Map<Integer, Instant> sent = new HashMap<>();
        for (String entry : messageLog.split("(?=-{20,} \\d{4}-)")) {
            Matcher m = ENTRY.matcher(entry);
            if (m.lookingAt()) {
                Instant at = LocalDateTime.parse(m.group(1), TIME)
                        .atZone(ZoneId.systemDefault())
                        .toInstant();
                sent.putIfAbsent(Integer.parseInt(m.group(2)), at);
            }
        }
        return sent;
    }
}
