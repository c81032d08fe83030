package dev.sofia.clinic.diagnose;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar clinic-…-exec.jar diagnose [--app-url=http://host:port] [--NAME=value …]}: runs
 * every check and prints the table. Exit code 0 when nothing failed (skipped checks are not
 * failures), 1 when a check failed, 2 for a usage error. {@code --NAME=value} overrides a variable
 * of the README's table for this run, as it does for the app.
 */
public final class Diagnose {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Diagnose() {}

    static List<Check> checks() {
        return List.of(
                new ConfigurationRow(),
                new LiveKitHttpCheck(),
                new ApiKeyCheck(),
                new TestRoomCheck(),
                new WebhookCheck(),
                new AgentCheck(),
                new TurnCheck(),
                new DatabaseCheck(),
                new ProviderCheck(),
                new SipCheck(),
                new SipServiceCheck());
    }

    /** The command line: quiet logs (the table is the output), then exit with the diagnosis's code. */
    public static void main(String[] args) {
        // Without Spring Boot's logging set-up, logback would print every library's DEBUG lines.
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args, System.out));
    }

    /** Runs the diagnosis, prints the table to {@code out} and returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(usage());
                return OK;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                out.println("diagnose: unknown argument " + arg + "\n" + usage());
                return USAGE;
            }
        }
        DiagnoseSettings settings = DiagnoseSettings.load(args);
        List<Outcome> outcomes = runAll(checks(), settings);
        out.print(Table.render(outcomes));
        long failed =
                outcomes.stream().filter(o -> o.status() == Outcome.Status.FAIL).count();
        out.println(
                failed == 0 ? "\nNo failures." : "\n" + failed + (failed == 1 ? " check failed." : " checks failed."));
        return failed == 0 ? OK : FAILED;
    }

    /** Each check on its own virtual thread, all at once, each bounded by its own timeout. */
    static List<Outcome> runAll(List<Check> checks, DiagnoseSettings settings) {
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (Check check : checks) {
                futures.add(executor.submit(() -> check.run(settings)));
            }
            long start = System.nanoTime();
            for (int i = 0; i < checks.size(); i++) {
                Check check = checks.get(i);
                long left = check.timeout().toNanos() - (System.nanoTime() - start);
                try {
                    outcomes.addAll(futures.get(i).get(Math.max(left, 0), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    outcomes.add(Outcome.fail(
                            check.name(), "no result within " + check.timeout().toSeconds() + " s", check.hint()));
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    outcomes.add(Outcome.fail(check.name(), LiveKitHttpCheck.describe(cause), check.hint()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.add(Outcome.fail(check.name(), "interrupted", check.hint()));
                }
            }
            // Cancelled checks may still block in I/O; their own timeouts end them shortly.
            executor.shutdownNow();
        }
        return outcomes;
    }

    static String usage() {
        return """
                usage: diagnose [--app-url=http://host:port] [--VARIABLE=value ...]
                  Checks LiveKit, webhooks, the agent worker, TURN, the database, provider keys and SIP
                  with the configuration the app would use (environment variables, application.yml).
                  --app-url=URL      where the app serves HTTP, for the webhook check
                                     (default SOFIA_APP_URL, else http://localhost:$PORT)
                  --trust-cert=FILE  a PEM certificate (private CA) to trust for TURN over TLS,
                                     besides the JDK's trusted roots
                  exit code          0 no failure, 1 a check failed, 2 usage error""";
    }
}
