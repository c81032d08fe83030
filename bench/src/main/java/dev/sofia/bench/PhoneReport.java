package dev.sofia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The phone benchmark's markdown result (bench/results/phone.md). */
final class PhoneReport {

    private final PhoneBenchmark.Run run;
    private final Environment env;

    PhoneReport(PhoneBenchmark.Run run, Environment env) {
        this.run = run;
        this.env = env;
    }

    String markdown() {
        var md = new StringBuilder();
        md.append("# Phone calls: INVITE to Sofia's first audio at the caller\n\n");
        md.append(format(
                "Measured %s on %s: %d cores (%s), %s, %s; %s; the app in-process with %s (embedded), its own "
                        + "agent worker (`SOFIA_MAX_CALLS` = %s), espeak-ng's voice and the offline dialog engine. "
                        + "Everything on this one machine, on loopback; %s in all. The machine was %.0f %% busy "
                        + "(all cores) in the 5 s before the first call, with the app idle: mostly the load of "
                        + "other users of this shared machine, which comes and goes during the run.\n\n",
                env.date(),
                env.commit(),
                env.cores(),
                env.cpu(),
                env.os(),
                env.jdk(),
                run.versions(),
                env.postgres().replaceFirst(" on .*", ""),
                run.maxCalls(),
                minutes(run.took().toSeconds()),
                run.backgroundBusyPercent()));

        md.append("**What is measured**: for each call, from the instant SIPp logged sending its INVITE (its "
                + "message log, `-trace_msg`) to the first RTP packet from livekit-sip whose G.711 audio has an "
                + "RMS above ~−38 dBFS, at the caller's UDP listener (`RtpListener`) that the call's SDP names as "
                + "its audio address. It covers livekit-sip's trunk lookup and room creation, the dispatch to the "
                + "app's worker, the agent joining, the greeting synthesised by espeak-ng, and the way back "
                + "through LiveKit and livekit-sip to G.711. A call counts as greeted with at least 0.5 s of "
                + "such packets.\n\n");
        md.append(format(
                "Method: `bench/run-phone.sh` (`PhoneBenchmark`). The practice is provisioned only through the "
                        + "app's HTTP API (a `generic` carrier connection allowing 127.0.0.1, the number +4930901820, "
                        + "its German route, the main transfer target), the demo practice is seeded at start-up, and "
                        + "every call comes from Max Mustermann's number, a known patient. SIPp runs "
                        + "`carrier-call-greeting.xml` (INVITE, 12 s of listening in silence, BYE); the calls of a "
                        + "step start at once (`-l N -r N`). One warm-up call is thrown away; then %d lone calls one "
                        + "after another, then each step once. After each batch the benchmark waits "
                        + "until the app (`GET /api/calls?channel=phone`) holds a session for each call and all "
                        + "have ended, so steps do not overlap. Ratios divide by the lone call's p50 of this run, "
                        + "since this machine's noise makes milliseconds from different runs incomparable. "
                        + "Percentiles are nearest-rank over few calls: with 5 calls p95 is the slowest. CPU is "
                        + "taken while SIPp ran each step's calls (from its start to its exit: the calls' 12 s "
                        + "and their set-up and hang-up).\n\n",
                run.loneRepeats()));

        md.append("| Calls at once | calls | p50 | p95 | max | p50 ÷ lone p50 | p95 ÷ lone p50 "
                + "| machine busy | app JVM | every call greeted, every session ended |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        double unit = run.lone().latency.p50();
        for (PhoneStep step : run.measured()) {
            String what = step == run.lone()
                    ? format("1 (alone: %d calls one after another)", step.batches)
                    : Integer.toString(step.callsAtOnce);
            md.append(format(
                    "| %s | %d | %s | %s | %s | %s | %s | %.0f %% | %.0f %% of a core | %s |\n",
                    what,
                    step.calls,
                    ms(step.latency.p50()),
                    ms(step.latency.p95()),
                    ms(step.latency.percentileMillis(100)),
                    ratio(step.latency.p50() / unit),
                    ratio(step.latency.p95() / unit),
                    step.machineBusyPercent(),
                    step.appCpuPercentOfCore(),
                    outcome(step)));
        }
        PhoneStep warmup = run.warmup();
        md.append(format(
                "\nThe warm-up call (the JVM's first greeting and room, not counted): %s, %s.\n",
                ms(warmup.latency.p50()), warmup.ok() ? "greeted and ended" : "FAILED"));
        md.append("\n\"Machine busy\" is the share of all cores busy (`/proc/stat`), the benchmark's own SIPp, "
                + "livekit-server, livekit-sip and app included; \"app JVM\" is the app's process (`/proc/self/stat`: "
                + "API, agent worker with its audio and speech synthesis, database client, and the benchmark's "
                + "RTP listeners; the embedded PostgreSQL is a process of its own).\n");

        boolean anyFailed = !warmup.ok() || run.measured().stream().anyMatch(s -> !s.ok());
        if (anyFailed) {
            md.append("\n## Failures\n\n");
            if (!warmup.ok()) {
                warmup.failures.forEach(f -> md.append("- warm-up: ").append(f).append('\n'));
            }
            for (PhoneStep step : run.measured()) {
                step.failures.forEach(f -> md.append("- ")
                        .append(step.callsAtOnce)
                        .append(" at once, ")
                        .append(f)
                        .append('\n'));
            }
        }
        return md.toString();
    }

    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown());
    }

    private static String outcome(PhoneStep step) {
        if (step.ok()) {
            return "yes";
        }
        return format(
                "**no**: %d of %d greeted, %d sessions ended (see Failures)",
                step.greeted, step.calls, step.sessionsEnded);
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "—" : format("%.0f ms", millis);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "—" : format("%.2f", value);
    }

    private static String minutes(long seconds) {
        return format("%d min %d s", seconds / 60, seconds % 60);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
