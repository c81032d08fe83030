package dev.sofia.bench;

import dev.sofia.bench.LiveKitHttpBenchmark.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The figures of one LiveKit HTTP run as markdown, each endpoint also as a ratio to the trivial one. */
final class LiveKitHttpReport {

    private final LiveKitHttpBenchmark b;
    private final Environment env;
    private final String liveKitVersion;
    private final LiveKitHttpBenchmark.Checks checks;
    private final int warmup;
    private final int rounds;
    private final int requests;
    private final int singleRequests;
    private final Duration runTime;

    LiveKitHttpReport(
            LiveKitHttpBenchmark bench,
            Environment env,
            String liveKitVersion,
            LiveKitHttpBenchmark.Checks checks,
            int warmup,
            int rounds,
            int requests,
            int singleRequests,
            Duration runTime) {
        this.b = bench;
        this.env = env;
        this.liveKitVersion = liveKitVersion;
        this.checks = checks;
        this.warmup = warmup;
        this.rounds = rounds;
        this.requests = requests;
        this.singleRequests = singleRequests;
        this.runTime = runTime;
    }

    String markdown() {
        var md = new StringBuilder();
        md.append("# LiveKit HTTP benchmark\n\n");
        md.append(format(
                "Measured %s on %s: %d cores (%s), %s, %s; livekit-server %s (the app's own local child process, "
                        + "dev mode, on loopback); %s (embedded, on the same machine); Tomcat on virtual threads, "
                        + "Hikari pool of 10 (the default).\n\n",
                env.date(), env.commit(), env.cores(), env.cpu(), env.os(), env.jdk(), liveKitVersion, env.postgres()));
        md.append(format(
                "Method: `bench/run-livekit-http.sh` (`LiveKitHttpBenchmark`), %d warm-up rounds then %d measured "
                        + "rounds, %s in all. The whole clinic app runs in-process on a random port, with a bench-only "
                        + "`POST /bench/ok` that reads the body and answers 200 with no body: the same Tomcat, filters "
                        + "and dispatcher as the real endpoints and no work, the yardstick of every ratio. Load comes "
                        + "from the same JVM: each client is a virtual thread with its own HTTP/1.1 keep-alive "
                        + "connection that writes pre-encoded requests and reads each response in full, back to back "
                        + "(a closed loop, as `wrk -c` does; a minimal client, so client overhead stays small next to "
                        + "the server's); per round and step, %,d requests from %d clients and %,d from one client. Each "
                        + "round runs every step once, in an order rotated by one step per round, so drift of the "
                        + "machine hits all figures alike. Ratios compare with the trivial endpoint at the same "
                        + "number of clients over all measured rounds. Client and server share the %d cores, so "
                        + "requests per second are what this machine does with its own load generator on it: "
                        + "compare ratios, not milliseconds.\n\n",
                warmup,
                rounds,
                duration(runTime),
                requests,
                LiveKitHttpBenchmark.CLIENTS,
                singleRequests,
                env.cores()));

        md.append("## Endpoints over HTTP\n\n");
        md.append("| What | clients | requests | p50 | p95 | p99 | requests/s | p99 ÷ trivial p99 "
                + "| per-round p99 ratio | trivial req/s ÷ req/s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        row(md, b.trivial16, b.trivial16);
        row(md, b.token16, b.trivial16);
        row(md, b.webhook16, b.trivial16);
        row(md, b.duplicate16, b.trivial16);
        row(md, b.trivial1, b.trivial1);
        row(md, b.token1, b.trivial1);
        row(md, b.webhook1, b.trivial1);
        failures(md);

        md.append("\nWhat one request does:\n\n");
        md.append(format(
                "- **Token**: the JSON body is validated, the per-client rate limiter takes a token from its bucket "
                        + "(capacity %,d here, so it never refuses), then `AgentRooms.openNamedRoom` makes two HTTP "
                        + "calls to livekit-server, `CreateRoom` and `ListDispatch` (plus `CreateDispatch` the first "
                        + "time a room is seen), and `CallerTokens.issue` signs the caller's JWT. Every identity is "
                        + "distinct; the rooms are %d, so nearly every request finds its room and Sofia's dispatch.\n",
                LiveKitHttpBenchmark.RATE_LIMIT_CAPACITY, LiveKitHttpBenchmark.ROOMS));
        md.append(format(
                "- **Webhook, new events**: each client sends, per new `web-bench-<uuid>` room, `room_started` "
                        + "then the caller's `participant_joined`, each with a distinct id and its own signature "
                        + "(protobuf JSON bodies of %d–%d bytes, built and signed before the step). Each is verified "
                        + "(HS256 JWT, body SHA-256), stored in `call_events`, and applied to the room's call session "
                        + "under a row lock, all in one transaction: the first opens a ringing session, the second "
                        + "makes it active.\n",
                b.smallestWebhookBody, b.largestWebhookBody));
        md.append("- **Webhook, replayed duplicates**: the bodies and tokens of the latest 16-client step of new "
                + "events, sent again. Each is verified, then the insert into `call_events` finds the id and the "
                + "request ends there.\n");

        md.append("\n## The token endpoint's parts, called in-process\n\n");
        md.append("| What | threads | calls | p50 | p99 | calls/s | per call |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        inProcessRow(md, b.mint1);
        inProcessRow(md, b.mint16);
        inProcessRow(md, b.openRoom1);
        double trivial = b.trivial1.latency.p50();
        double mint = b.mint1.latency.p50();
        double rooms = b.openRoom1.latency.p50();
        double token = b.token1.latency.p50();
        md.append(format(
                "\nAt one client the token request's p50 is %s: the trivial request's %s, LiveKit's two calls %s "
                        + "(%.0f %%) and the minting %s (%.1f %%); p50s do not add up exactly, but roughly %s is left "
                        + "for validation, the rate limiter, JSON and the larger response. Minting alone runs at %,.0f tokens/s on one thread (%,.0f ns "
                        + "each with the loop), %.1f %% of the trivial HTTP request's p50.\n",
                ms(token),
                ms(trivial),
                ms(rooms),
                100 * rooms / token,
                ms(mint),
                100 * mint / token,
                ms(token - trivial - rooms - mint),
                b.mint1.throughput.perSecond(),
                1e9 / b.mint1.throughput.perSecond(),
                100 * mint / trivial));

        md.append("\n## Checks\n\n");
        md.append(format(
                "- New events answered 200 (warm-up included): %,d; rows with the benchmark's event ids in "
                        + "`call_events`: %,d — %s.\n",
                checks.newEventsAccepted(),
                checks.benchEventsStored(),
                checks.newEventsAccepted() == checks.benchEventsStored()
                        ? "each stored exactly once"
                        : "**they differ**"));
        md.append(format(
                "- Replayed duplicates sent: %,d; they added no rows (the count above includes them).\n",
                checks.duplicatesSent()));
        md.append(format(
                "- Call sessions of the benchmark's rooms by status: %s (each room got `room_started` and its "
                        + "caller's `participant_joined`, so all should be active).\n",
                checks.benchSessionsByStatus().entrySet().stream()
                        .map(e -> format("%s %,d", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "))));
        md.append(format(
                "- Webhooks livekit-server itself sent for the token endpoint's rooms during the run, received and "
                        + "stored alongside: %,d.\n",
                checks.liveKitOwnEvents()));
        md.append(format(
                "- Sofia's agent dispatches in each of the token endpoint's %d rooms at the end: %s (one each is "
                        + "right).\n",
                LiveKitHttpBenchmark.ROOMS,
                checks.agentDispatchesPerRoom().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        md.append(format(
                "- TCP connections opened by the clients: %,d (Tomcat closes a keep-alive connection after 100 "
                        + "requests by default; the reconnects are part of every figure alike).\n",
                checks.connections()));
        md.append("- The call sweeper was set to run hourly (`sofia.calls.sweep-interval=PT1H`): at its default of a "
                + "minute it would ask LiveKit about every open benchmark session older than two minutes, a load "
                + "of its own.\n");
        return md.toString();
    }

    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown());
    }

    private static void row(StringBuilder md, Figure f, Figure trivial) {
        boolean isTrivial = f == trivial;
        md.append(format(
                "| %s | %d | %,d | %s | %s | %s | %,.0f | %s | %s | %s |\n",
                f.label,
                f.clients,
                f.latency.count(),
                ms(f.latency.p50()),
                ms(f.latency.p95()),
                ms(f.p99()),
                f.throughput.perSecond(),
                isTrivial ? "1.0" : format("%.1f", f.p99() / trivial.p99()),
                isTrivial ? "" : perRoundRange(f, trivial),
                isTrivial ? "1.0" : format("%.1f", trivial.throughput.perSecond() / f.throughput.perSecond())));
    }

    private static String perRoundRange(Figure f, Figure trivial) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(f.perRound.size(), trivial.perRound.size()); i++) {
            ratios.add(f.perRound.get(i).percentileMillis(99)
                    / trivial.perRound.get(i).percentileMillis(99));
        }
        return ratios.isEmpty() ? "" : format("%.1f–%.1f", Collections.min(ratios), Collections.max(ratios));
    }

    private void failures(StringBuilder md) {
        List<Figure> all =
                List.of(b.trivial16, b.token16, b.webhook16, b.duplicate16, b.trivial1, b.token1, b.webhook1);
        long failed = all.stream().mapToLong(f -> f.failures).sum();
        if (failed == 0) {
            md.append("\nEvery measured request was answered 200.\n");
            return;
        }
        md.append(format("\n**%,d measured requests were not answered 200**:\n\n", failed));
        all.stream()
                .filter(f -> f.failures > 0)
                .forEach(f -> md.append(format(
                        "- %s, %d clients: %,d; the first: `%s`\n",
                        f.label,
                        f.clients,
                        f.failures,
                        f.firstFailure.replace('`', '\'').replace('\n', ' '))));
    }

    private static void inProcessRow(StringBuilder md, Figure f) {
        md.append(format(
                "| %s | %d | %,d | %s | %s | %,.0f | %s |\n",
                f.label,
                f.clients,
                f.latency.count(),
                ms(f.latency.p50()),
                ms(f.p99()),
                f.throughput.perSecond(),
                ms(f.throughput.millisPerOperation())));
    }

    static String ms(double millis) {
        return Report.ms(millis);
    }

    private static String duration(Duration d) {
        return d.toSeconds() >= 60
                ? format("%d min %d s", d.toMinutes(), d.toSecondsPart())
                : format("%d s", d.toSeconds());
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
