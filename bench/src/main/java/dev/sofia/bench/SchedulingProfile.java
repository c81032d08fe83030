package dev.sofia.bench;

import dev.sofia.clinic.scheduling.Availability;
import dev.sofia.clinic.scheduling.SlotQuery;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the time of the 20 doctors × 90 days availability call goes: in SQL (each statement timed
 * at the driver, the slowest one explained on the server) or in Java (sampled with Flight
 * Recorder). Runs in a context of its own, after the benchmark, because the timing proxies cost a
 * little on every JDBC call.
 */
final class SchedulingProfile {

    static final int WARMUP_CALLS = 30;
    static final int CALLS = 30;
    /** More calls for the sampling profiler, whose samples are sparse. */
    static final int HOTSPOT_CALLS = 100;

    static final int REPLAYS = 10;

    private static final Pattern PLAN_ROWS = Pattern.compile("actual time=\\S+ rows=(\\d+)");
    private static final Pattern PLAN_EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

    private final StatementTimer timer = new StatementTimer();

    /** The profile as a markdown section. */
    String run() throws Exception {
        try (ConfigurableApplicationContext context =
                SchedulingBenchmark.start(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof DataSource ds && name.equals("dataSource") ? timer.wrap(ds) : bean;
                    }
                }))) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Availability availability = context.getBean(Availability.class);
            Fixture fixture = Fixture.create(
                    jdbc, LocalDate.now(ZoneId.of(Fixture.TIME_ZONE)).plusDays(1));
            var query = new SlotQuery(fixture.typeId(), null, fixture.firstDay(), fixture.lastDay(), null, 0);

            for (int i = 0; i < WARMUP_CALLS; i++) {
                availability.findSlots(query);
            }
            Samples selectOne = new Samples();
            for (int i = 0; i < 2_000; i++) {
                long start = System.nanoTime();
                jdbc.sql("select 1").query(Integer.class).single();
                selectOne.add(System.nanoTime() - start);
            }

            Samples total = new Samples();
            Samples inJdbc = new Samples();
            timer.record(Thread.currentThread());
            for (int i = 0; i < CALLS; i++) {
                timer.resetTotals();
                long start = System.nanoTime();
                availability.findSlots(query);
                total.add(System.nanoTime() - start);
                inJdbc.add(timer.totalNanos());
            }
            int statementsPerCall = timer.totalStatements();
            timer.record(null);

            Hotspots.Profile hotspots = Hotspots.of(
                    () -> {
                        for (int i = 0; i < HOTSPOT_CALLS; i++) {
                            availability.findSlots(query);
                        }
                    },
                    10);
            return markdown(
                    total, inJdbc, statementsPerCall, selectOne.p50(), hotspots, context.getBean(DataSource.class));
        }
    }

    private String markdown(
            Samples total,
            Samples inJdbc,
            int statementsPerCall,
            double roundTrip,
            Hotspots.Profile hotspots,
            DataSource dataSource)
            throws SQLException {
        var md = new StringBuilder();
        md.append("## Where the 20 × 90 time goes\n\n");
        md.append(format(
                "A second context on a fresh database with the same data, every JDBC execute and commit of the "
                        + "calling thread timed at the driver (the proxies add a little); %d calls after %d "
                        + "warm-up calls. `SELECT 1` p50 in this context: %s.\n\n",
                CALLS, WARMUP_CALLS, Report.ms(roundTrip)));
        double java = total.p50() - inJdbc.p50();
        md.append(format(
                "- Whole call: p50 %s (%.0f round trips).\n"
                        + "- JDBC (execute and commit, %d statements a call): p50 %s = %.0f %% of the call.\n"
                        + "- Java (everything else: reading rows, merging busy time, finding slots): about %s = %.0f %%.\n\n",
                Report.ms(total.p50()),
                total.p50() / roundTrip,
                statementsPerCall,
                Report.ms(inJdbc.p50()),
                100 * inJdbc.p50() / total.p50(),
                Report.ms(java),
                100 * java / total.p50()));

        md.append("| Statement | runs | p50 | p95 | p50 in round trips |\n|---|---:|---:|---:|---:|\n");
        List<Map.Entry<String, StatementTimer.Statistics>> statements =
                new ArrayList<>(timer.bySql().entrySet());
        statements.sort(Comparator.comparingDouble((Map.Entry<String, StatementTimer.Statistics> e) ->
                        e.getValue().samples().p50())
                .reversed());
        for (var e : statements) {
            Samples s = e.getValue().samples();
            md.append(format(
                    "| `%s` | %d | %s | %s | %.1f |\n",
                    shorten(e.getKey()), s.count(), Report.ms(s.p50()), Report.ms(s.p95()), s.p50() / roundTrip));
        }

        var slowest = statements.getFirst();
        var replay = new StatementReplay(
                dataSource, slowest.getKey(), slowest.getValue().lastParameters());
        String plan = replay.explain(false, REPLAYS);
        md.append(findings(total, inJdbc, roundTrip, slowest, replay, plan, hotspots));
        md.append("\nThe slowest statement, explained on the server with the parameters of its last run "
                + "(`explain (analyze, buffers)`, the last of " + REPLAYS + " runs):\n\n```\n");
        md.append(slowest.getKey().strip()).append("\n\n");
        md.append(plan);
        md.append("```\n\n");

        List<StatementReplay> textArrays = statements.stream()
                .map(e ->
                        new StatementReplay(dataSource, e.getKey(), e.getValue().lastParameters()))
                .filter(StatementReplay::hasTextUuidArrays)
                .toList();
        if (!textArrays.isEmpty()) {
            md.append("Statements given a list of UUIDs as a text parameter (`'{…}'`, which the SQL casts with "
                    + "`?::uuid[]`), run again as sent and with those parameters bound as typed `uuid[]` arrays: "
                    + "the server's times (`explain analyze`, which adds its own overhead per row) and the client's "
                    + "(execute and read every column, p50 of " + REPLAYS + " runs).\n\n");
            md.append("| Statement | server, as sent | server, typed | client, as sent | client, typed |\n");
            md.append("|---|---|---|---:|---:|\n");
            for (StatementReplay statement : textArrays) {
                md.append(format(
                        "| `%s` | %s | %s | %s | %s |\n",
                        shorten(statement.sql()),
                        statement.serverTimes(false, REPLAYS),
                        statement.serverTimes(true, REPLAYS),
                        Report.ms(statement.time(false, REPLAYS).p50()),
                        Report.ms(statement.time(true, REPLAYS).p50())));
            }
            md.append('\n');
        }

        md.append(format(
                "Java hotspots: %d Flight Recorder samples of the calling thread over %d more calls (every 2 ms "
                        + "while running Java; %d native-method samples, every 20 ms, while waiting in the driver).\n\n",
                hotspots.samples(), HOTSPOT_CALLS, hotspots.nativeSamples()));
        md.append("| Innermost clinic method on the stack | share |\n|---|---:|\n");
        hotspots.clinicFrames().forEach(e -> md.append(format("| `%s` | %.0f %% |\n", e.method(), e.percent())));
        md.append("\n| Method at the top of the stack | share |\n|---|---:|\n");
        hotspots.topFrames().forEach(e -> md.append(format("| `%s` | %.0f %% |\n", e.method(), e.percent())));
        return md.toString();
    }

    /** A few generated sentences that say what dominates, so the reader need not add up the tables. */
    private static String findings(
            Samples total,
            Samples inJdbc,
            double roundTrip,
            Map.Entry<String, StatementTimer.Statistics> slowest,
            StatementReplay replay,
            String plan,
            Hotspots.Profile hotspots)
            throws SQLException {
        var md = new StringBuilder("\nFindings:\n\n");
        double slowestP50 = slowest.getValue().samples().p50();
        md.append(format(
                "- JDBC takes %.0f %% of the call; the slowest statement, `%s`, takes %s of the %s call "
                        + "(%.0f %%, %.0f round trips).\n",
                100 * inJdbc.p50() / total.p50(),
                shorten(slowest.getKey()),
                Report.ms(slowestP50),
                Report.ms(total.p50()),
                100 * slowestP50 / total.p50(),
                slowestP50 / roundTrip));
        Matcher rows = PLAN_ROWS.matcher(plan);
        Matcher execution = PLAN_EXECUTION.matcher(plan);
        if (rows.find() && execution.find()) {
            md.append(format(
                    "- It returns %,d rows; the server executes it in %s ms (`explain analyze`, which adds "
                            + "its own overhead per row); the rest of its time is transfer and decoding in the driver.\n",
                    Long.parseLong(rows.group(1)), execution.group(1)));
        }
        if (replay.hasTextUuidArrays()) {
            double sent = replay.time(false, REPLAYS).p50();
            double typed = replay.time(true, REPLAYS).p50();
            if (plan.contains("::cstring)::uuid[]")) {
                md.append("- Its doctor and chair lists arrive as text and are cast with `?::uuid[]`. That cast "
                        + "(an I/O conversion through `array_in`, which is only stable) is not folded into a "
                        + "constant, so PostgreSQL parses the UUID list again for every row it filters: the plan "
                        + "shows `('{…}'::cstring)::uuid[]` inside the filter.\n");
            }
            double estimate = total.p50() - slowestP50 + typed;
            md.append(format(
                    "- Bound as a typed `uuid[]`, the same statement takes %s instead of %s at the client. "
                            + "Swapping that into this call's p50 gives roughly %s = %.0f round trips: far "
                            + "better, still %.0f× the goal of %.0f.\n",
                    Report.ms(typed),
                    Report.ms(sent),
                    Report.ms(estimate),
                    estimate / roundTrip,
                    estimate / roundTrip / Report.GOAL_ROUND_TRIPS,
                    Report.GOAL_ROUND_TRIPS));
        }
        if (!hotspots.clinicFrames().isEmpty()) {
            Hotspots.Entry top = hotspots.clinicFrames().getFirst();
            Hotspots.Entry frame = hotspots.topFrames().getFirst();
            md.append(format(
                    "- Java (about %s a call) is led by `%s` (%.0f %% of its samples); the busiest method at the top "
                            + "of the stack is `%s` (%.0f %%).\n",
                    Report.ms(total.p50() - inJdbc.p50()),
                    top.method(),
                    top.percent(),
                    frame.method(),
                    frame.percent()));
        }
        return md.toString();
    }

    private static String shorten(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 90 ? flat : flat.substring(0, 87) + "...";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
