package dev.sofia.bench;

import dev.sofia.clinic.SofiaApplication;
import dev.sofia.livekit.local.LiveKitBinary;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Phone calls into the whole app, in-process, through the same real parts as the phone tests:
 * Redis, livekit-server, livekit-sip and SIPp as the carrier, all on loopback; the app with a
 * throw-away embedded database, the demo practice seeded (the caller is a known patient), and its
 * own agent worker. The practice's phone set-up is made only through the app's HTTP API.
 *
 * <p>Per call: SIPp's logged INVITE → the first voiced RTP packet at the caller (Sofia's greeting).
 * One warm-up call is thrown away; then the lone call, repeated one after another, and batches of
 * N calls that start at once. Every figure is also given as a ratio to the lone call's p50 of the
 * same run. System properties: {@code bench.steps} (calls at once, default {@code 1,5,10,20}; the
 * lone step always runs first), {@code bench.lone-repeats} (default 5), {@code bench.output}
 * (default {@code bench/results/phone.md}), {@code bench.commit}, {@code bench.livekit-sip-version}
 * (both shown in the report; run-phone.sh sets them).
 */
public final class PhoneBenchmark {

    private PhoneBenchmark() {}

    /** The run's settings and what it measured, for the report. */
    record Run(
            List<Integer> steps,
            int loneRepeats,
            String versions,
            String maxCalls,
            double backgroundBusyPercent,
            PhoneStep warmup,
            List<PhoneStep> measured,
            Duration took) {

        PhoneStep lone() {
            return measured.getFirst();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> steps = steps(System.getProperty("bench.steps", "1,5,10,20"));
        int loneRepeats = Integer.getInteger("bench.lone-repeats", 5);
        Path output = Path.of(System.getProperty("bench.output", "bench/results/phone.md"));
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("sofia-phone-bench-");
        String markdown;
        boolean allOk;
        try (PhoneParts parts = PhoneParts.start();
                ConfigurableApplicationContext app = start(parts)) {
            PhoneApi api = new PhoneApi(parts.appPort());
            api.provisionPractice();
            api.allowConcurrentCalls(steps.stream().max(Integer::compare).orElse(1));
            System.out.printf(
                    "App on port %d, LiveKit at %s, livekit-sip at %s; practice provisioned%n",
                    parts.appPort(), parts.server().wsUrl(), parts.sipAddress());
            double background = machineBusyPercent(Duration.ofSeconds(5));
            System.out.printf("machine busy before the first call: %.0f %% of all cores%n", background);

            PhoneCalls phone = new PhoneCalls(parts, api, work);
            PhoneStep warmup = new PhoneStep(1);
            warmup.run(phone);
            print("warm-up call (not counted)", warmup, null);

            List<PhoneStep> measured = new ArrayList<>();
            PhoneStep lone = new PhoneStep(1);
            for (int i = 1; i <= loneRepeats; i++) {
                lone.run(phone);
            }
            measured.add(lone);
            print("1 call alone, " + loneRepeats + " one after another", lone, lone);
            for (int calls : steps) {
                if (calls == 1) {
                    continue;
                }
                PhoneStep step = new PhoneStep(calls);
                step.run(phone);
                measured.add(step);
                print(calls + " calls at once", step, lone);
            }

            Run run = new Run(
                    steps,
                    loneRepeats,
                    versions(),
                    app.getEnvironment().getProperty("sofia.receptionist.max-calls", "?"),
                    background,
                    warmup,
                    measured,
                    Duration.ofNanos(System.nanoTime() - started));
            PhoneReport report = new PhoneReport(run, Environment.describe(app.getBean(JdbcClient.class)));
            markdown = report.markdown();
            report.write(output);
            allOk = warmup.ok() && measured.stream().allMatch(PhoneStep::ok);
        }
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written to " + output.toAbsolutePath());
        if (allOk) {
            deleteRecursively(work);
        } else {
            System.out.println("SIPp's logs of the run are kept in " + work);
        }
    }

    static ConfigurableApplicationContext start(PhoneParts parts) {
        LiveKitServerConfig server = parts.server();
        // Command-line arguments rather than builder properties: those are only defaults, and
        // application.yml would override them (an empty data dir means a throw-away database).
        return new SpringApplicationBuilder(SofiaApplication.class)
                .logStartupInfo(false)
                .run(
                        "--server.port=" + parts.appPort(),
                        "--sofia.data-dir=",
                        // the demo practice, seeded by DemoSeed at start-up: Max Mustermann calls
                        "--sofia.demo-seed=true",
                        "--sofia.livekit.url=" + server.wsUrl(),
                        "--sofia.livekit.api-key=" + server.apiKey(),
                        "--sofia.livekit.api-secret=" + server.apiSecret(),
                        "--sofia.security.admin-email=" + PhoneApi.ADMIN_EMAIL,
                        "--sofia.security.admin-password=" + PhoneApi.ADMIN_PASSWORD,
                        // every API request checks the password (HTTP Basic); not what is measured
                        "--sofia.security.bcrypt-strength=4",
                        "--logging.level.root=WARN",
                        "--logging.structured.format.console=");
    }

    private static void print(String what, PhoneStep step, @Nullable PhoneStep lone) {
        String ratios = lone == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        " (p50 %.2f, p95 %.2f × lone p50)",
                        step.latency.p50() / lone.latency.p50(),
                        step.latency.p95() / lone.latency.p50());
        System.out.printf(
                Locale.ROOT,
                "%s: %d/%d greeted, %d sessions ended; INVITE to first audio p50 %.0f ms, p95 %.0f ms, max %.0f ms"
                        + "%s; while the calls were on: machine %.0f %% busy, app %.0f %% of a core%s%n",
                what,
                step.greeted,
                step.calls,
                step.sessionsEnded,
                step.latency.p50(),
                step.latency.p95(),
                step.latency.percentileMillis(100),
                ratios,
                step.machineBusyPercent(),
                step.appCpuPercentOfCore(),
                step.ok() ? "" : "; FAILED: " + step.failures);
    }

    private static double machineBusyPercent(Duration window) throws InterruptedException {
        long[] before = ProcStats.machineTicks();
        Thread.sleep(window);
        long[] after = ProcStats.machineTicks();
        long total = after[1] - before[1];
        return total == 0 ? Double.NaN : 100.0 * (after[0] - before[0]) / total;
    }

    static List<Integer> steps(String property) {
        return Arrays.stream(property.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Integer::parseInt)
                .filter(n -> n > 0)
                .distinct()
                .sorted()
                .toList();
    }

    private static String versions() {
        String sipp = command("/usr/bin/sipp", "-v")
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("SIPp"))
                .map(l -> l.replaceFirst("\\.$", ""))
                .findFirst()
                .orElse("SIPp (version unknown)");
        return String.format(
                "livekit-server %s with Redis, livekit-sip %s, %s",
                LiveKitBinary.version(LiveKitBinary.locate(null)),
                System.getProperty("bench.livekit-sip-version", "(version unknown)"),
                sipp);
    }

    private static String command(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
