package dev.sofia.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The callers of the rooms benchmark, in their own JVM so that their cost is not counted with the
 * agent's: {@link RoomsBenchmark} starts this process and drives it over stdin; answers go to
 * stdout, logs to stderr. Each caller joins one room as {@code caller}, publishes a 440 Hz tone in
 * bursts ({@link RoomsSide}) and, in rooms asked to, subscribes to the agent's track and detects the
 * onsets of its 660 Hz tone (the others subscribe to nothing).
 *
 * <p>Commands, one per line: {@code join <room> <phase ms> <detect 0|1> <token>} (answered {@code
 * joined <room>} once published and, when detecting, subscribed to the agent's track, or {@code
 * failed <room> <reason>}); {@code
 * report <from µs>} (answered with {@code S <room> <µs>} per utterance started, {@code H <room>
 * <µs>} per onset heard, {@code C <frames> <dropped> <late>} and {@code end}); {@code quit}.
 *
 * <p>Arguments: the server's {@code ws://} URL.
 */
public final class RoomsCallers {

    private RoomsCallers() {}

    public static void main(String[] args) throws Exception {
        RoomsLogging.quiet();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        RoomsSide side = new RoomsSide(args[0], "caller", RoomsSide.CALLER_HZ, RoomsSide.AGENT_HZ);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] command = line.trim().split(" ");
            switch (command[0]) {
                case "join" -> Thread.ofVirtual().start(() -> join(side, out, command));
                case "report" -> report(side, out, Long.parseLong(command[1]));
                case "quit" -> {
                    side.close();
                    answer(out, "bye");
                    System.exit(0);
                }
                default -> answer(out, "error unknown command " + command[0]);
            }
        }
        side.close();
    }

    private static void join(RoomsSide side, PrintStream out, String[] command) {
        String room = command[1];
        try {
            boolean detect = command[3].equals("1");
            // Callers that do not detect need not hear the agent: they only talk, which spares this
            // JVM and the server the decoding and forwarding; the agent's side is the same either way.
            RoomsSide.SideRoom joined =
                    side.join(room, command[4], detect, Duration.ofMillis(Long.parseLong(command[2])), detect);
            if (detect) {
                joined.awaitSubscribed();
            }
            answer(out, "joined " + room);
        } catch (RuntimeException e) {
            answer(out, "failed " + room + " " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    private static void report(RoomsSide side, PrintStream out, long fromMicros) {
        StringBuilder lines = new StringBuilder();
        for (RoomsSide.SideRoom room : side.rooms()) {
            for (long at : room.spoke.since(fromMicros)) {
                lines.append("S ").append(room.name).append(' ').append(at).append('\n');
            }
            for (long at : room.heard.since(fromMicros)) {
                lines.append("H ").append(room.name).append(' ').append(at).append('\n');
            }
        }
        RoomsSide.Counters counters = side.counters();
        lines.append("C ")
                .append(counters.framesReceived())
                .append(' ')
                .append(counters.droppedFrames())
                .append(' ')
                .append(counters.latePlayoutTicks())
                .append(' ')
                .append(counters.filledPlayoutTicks())
                .append(' ')
                .append(counters.skippedPlayoutTicks())
                .append("\nend");
        answer(out, lines.toString());
    }

    private static void answer(PrintStream out, String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
