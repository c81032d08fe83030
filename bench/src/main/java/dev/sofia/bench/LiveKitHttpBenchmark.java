package dev.sofia.bench;

import dev.sofia.clinic.SofiaApplication;
import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.livekit.CallerTokens;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.livekit.LiveKitConnection;
import dev.sofia.livekit.local.LiveKitBinary;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import livekit.LivekitWebhook.WebhookEvent;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token minting ({@code POST /api/livekit-token}) and webhook intake ({@code POST
 * /api/livekit/webhook}) over HTTP against the whole clinic app in-process, with its own local
 * livekit-server and an embedded PostgreSQL; every figure is also given as a ratio to a trivial
 * {@code POST /bench/ok} (200, no body) through the same servlet stack, measured in the same run.
 *
 * <p>Every round runs each measurement once, in an order rotated by one step per round, so drift of
 * a noisy machine hits all figures alike; the first rounds only warm up. System properties: {@code
 * bench.warmup} (rounds, default 3), {@code bench.rounds} (default 10), {@code bench.requests}
 * (requests per step at {@value #CLIENTS} clients, default 4096), {@code bench.single-requests}
 * (per step at one client, default 512), {@code bench.output} (default {@code
 * bench/results/livekit-http.md}), {@code bench.commit} (shown in the report).
 */
public final class LiveKitHttpBenchmark {

    static final int CLIENTS = 16;
    /** Rooms the token requests name; each is created once, then found again. */
    static final int ROOMS = 8;

    static final int MINTS_SINGLE = 2_000;
    static final int MINTS_PER_THREAD = 250;
    static final int OPEN_ROOM_CALLS = 128;
    /** Far above any request count here: the limiter still runs on every token request, but never refuses. */
    static final int RATE_LIMIT_CAPACITY = 1_000_000;

    static final String TRIVIAL_PATH = "/bench/ok";
    static final String TOKEN_PATH = "/api/livekit-token";
    static final String WEBHOOK_PATH = "/api/livekit/webhook";

    /**
     * The bench-only yardstick: the same Tomcat, filters and dispatcher as every endpoint, and no work.
     * Spring Security lets only the app's named public endpoints through without a staff login, so
     * the yardstick gets a security filter chain of its own that lets everyone in.
     */
    @RestController
    static class TrivialEndpoint {
        @PostMapping(TRIVIAL_PATH)
        ResponseEntity<Void> ok(@RequestBody(required = false) byte[] body) {
            return ResponseEntity.ok().build();
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain trivialEndpointIsPublic(HttpSecurity http) throws Exception {
            return http.securityMatcher(TRIVIAL_PATH)
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }

    /** One figure of the report: latencies and throughput over the measured rounds, and per round. */
    static final class Figure {
        final String label;
        final int clients;
        final Samples latency = new Samples();
        final Throughput throughput = new Throughput();
        final List<Samples> perRound = new ArrayList<>();
        int failures;
        String firstFailure;

        Figure(String label, int clients) {
            this.label = label;
            this.clients = clients;
        }

        void add(Samples round, long operations, long elapsedNanos) {
            latency.addAll(round);
            perRound.add(round);
            throughput.add(operations, elapsedNanos);
        }

        double p99() {
            return latency.percentileMillis(99);
        }
    }

    /** What the run left in the database, to show every new event was stored once and nothing else. */
    record Checks(
            long newEventsAccepted,
            long duplicatesSent,
            long benchEventsStored,
            Map<String, Long> benchSessionsByStatus,
            long liveKitOwnEvents,
            int connections,
            List<Integer> agentDispatchesPerRoom) {}

    final Figure trivial16 = new Figure("Trivial `POST /bench/ok`", CLIENTS);
    final Figure token16 = new Figure("`POST /api/livekit-token`", CLIENTS);
    final Figure webhook16 = new Figure("`POST /api/livekit/webhook`, new events", CLIENTS);
    final Figure duplicate16 = new Figure("`POST /api/livekit/webhook`, replayed duplicates", CLIENTS);
    final Figure trivial1 = new Figure("Trivial `POST /bench/ok`", 1);
    final Figure token1 = new Figure("`POST /api/livekit-token`", 1);
    final Figure webhook1 = new Figure("`POST /api/livekit/webhook`, new events", 1);
    final Figure mint1 = new Figure("`CallerTokens.issue`", 1);
    final Figure mint16 = new Figure("`CallerTokens.issue`", CLIENTS);
    final Figure openRoom1 = new Figure("`AgentRooms.openNamedRoom` (LiveKit `CreateRoom` + `ListDispatch`)", 1);

    private final InetSocketAddress server;
    private final LiveKitHttpClients clients;
    private final LiveKitHttpWebhooks webhooks;
    private final CallerTokens tokens;
    private final AgentRooms rooms;
    private final int requests;
    private final int singleRequests;
    private List<List<LiveKitHttpWire.Request>> lastWebhooks;
    private long newEventsAccepted;
    private long duplicatesSent;
    int smallestWebhookBody = Integer.MAX_VALUE;
    int largestWebhookBody;
    private int round;

    LiveKitHttpBenchmark(
            InetSocketAddress server,
            LiveKitHttpClients clients,
            LiveKitHttpWebhooks webhooks,
            CallerTokens tokens,
            AgentRooms rooms,
            int requests,
            int singleRequests) {
        this.server = server;
        this.clients = clients;
        this.webhooks = webhooks;
        this.tokens = tokens;
        this.rooms = rooms;
        this.requests = requests;
        this.singleRequests = singleRequests;
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 3);
        int rounds = Integer.getInteger("bench.rounds", 10);
        int requests = Integer.getInteger("bench.requests", 4096);
        int singleRequests = Integer.getInteger("bench.single-requests", 512);
        Path output = Path.of(System.getProperty("bench.output", "bench/results/livekit-http.md"));
        long started = System.nanoTime();
        String markdown;
        try (ConfigurableApplicationContext context = start();
                LiveKitHttpClients clients = new LiveKitHttpClients(address(context), CLIENTS)) {
            InetSocketAddress server = address(context);
            LiveKitConnection connection = context.getBean(LiveKitConnection.class);
            System.out.printf("App on port %d, LiveKit at %s%n", server.getPort(), connection.url());
            var bench = new LiveKitHttpBenchmark(
                    server,
                    clients,
                    new LiveKitHttpWebhooks(connection.apiKey(), connection.apiSecret()),
                    context.getBean(CallerTokens.class),
                    context.getBean(AgentRooms.class),
                    requests,
                    singleRequests);
            for (int i = 1; i <= warmup; i++) {
                System.out.printf("warm-up round %d/%d%n", i, warmup);
                bench.round(false);
            }
            for (int i = 1; i <= rounds; i++) {
                System.out.printf("round %d/%d%n", i, rounds);
                bench.round(true);
            }
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            var report = new LiveKitHttpReport(
                    bench,
                    Environment.describe(jdbc),
                    LiveKitBinary.version(
                            LiveKitBinary.locate(context.getEnvironment().getProperty("sofia.livekit.server-binary"))),
                    bench.check(jdbc, context.getBean(LiveKitClients.class), clients.connections()),
                    warmup,
                    rounds,
                    requests,
                    singleRequests,
                    Duration.ofNanos(System.nanoTime() - started));
            markdown = report.markdown();
            report.write(output);
        }
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written to " + output.toAbsolutePath());
    }

    static ConfigurableApplicationContext start() {
        // Command-line arguments rather than builder properties: those are only defaults, and
        // application.yml would override them (an empty data dir means a throw-away database).
        return new SpringApplicationBuilder(SofiaApplication.class, TrivialEndpoint.class)
                .logStartupInfo(false)
                .run(
                        "--server.port=0",
                        "--sofia.data-dir=",
                        "--sofia.demo-seed=false",
                        "--sofia.rate-limit.callers.capacity=" + RATE_LIMIT_CAPACITY,
                        // The sweeper asks LiveKit about every open session older than two minutes;
                        // the benchmark's thousands of rooms would make it a load of its own.
                        "--sofia.calls.sweep-interval=PT1H",
                        "--logging.level.root=WARN",
                        "--logging.structured.format.console=");
    }

    private static InetSocketAddress address(ConfigurableApplicationContext context) {
        return new InetSocketAddress(
                "127.0.0.1", Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    void round(boolean measured) {
        round++;
        List<Runnable> steps = new ArrayList<>(List.of(
                () -> http(trivial16, trivialRequests(CLIENTS, requests), measured),
                () -> http(token16, tokenRequests(CLIENTS, requests), measured),
                () -> newWebhooks(webhook16, CLIENTS, requests, measured),
                () -> duplicates(measured),
                () -> http(trivial1, trivialRequests(1, singleRequests), measured),
                () -> http(token1, tokenRequests(1, singleRequests), measured),
                () -> newWebhooks(webhook1, 1, singleRequests, measured),
                () -> mintOnOneThread(measured),
                () -> mintConcurrently(measured),
                () -> openRooms(measured)));
        Collections.rotate(steps, round);
        steps.forEach(Runnable::run);
        if (measured) {
            System.out.printf(
                    "  p99 at %d clients: trivial %s, token %s, webhook %s, duplicate %s%n",
                    CLIENTS,
                    Report.ms(lastP99(trivial16)),
                    Report.ms(lastP99(token16)),
                    Report.ms(lastP99(webhook16)),
                    Report.ms(lastP99(duplicate16)));
        }
    }

    private static double lastP99(Figure figure) {
        return figure.perRound.getLast().percentileMillis(99);
    }

    private LiveKitHttpClients.Outcome http(
            Figure figure, List<List<LiveKitHttpWire.Request>> perClient, boolean measured) {
        LiveKitHttpClients.Outcome outcome = clients.send(perClient);
        if (outcome.failures() > 0) {
            System.out.printf("%s: %d failed; first: %s%n", figure.label, outcome.failures(), outcome.firstFailure());
        }
        if (measured) {
            figure.add(outcome.latency(), outcome.requests(), outcome.elapsedNanos());
            figure.failures += outcome.failures();
            if (figure.firstFailure == null) {
                figure.firstFailure = outcome.firstFailure();
            }
        }
        return outcome;
    }

    // --- requests, built before each step so only sending is timed ------------------------------------

    private List<List<LiveKitHttpWire.Request>> trivialRequests(int clientCount, int total) {
        return perClient(clientCount, total, (client, i) -> json(TRIVIAL_PATH, tokenBody(client, i)));
    }

    /** Every identity distinct; the rooms a handful, so most requests find their room and dispatch. */
    private List<List<LiveKitHttpWire.Request>> tokenRequests(int clientCount, int total) {
        return perClient(clientCount, total, (client, i) -> json(TOKEN_PATH, tokenBody(client, i)));
    }

    private String tokenBody(int client, int i) {
        return "{\"identity\":\"caller-r" + round + "-c" + client + "-" + i + "\",\"room\":\"bench-room-"
                + (client + i) % ROOMS + "\"}";
    }

    private LiveKitHttpWire.Request json(String path, String body) {
        return LiveKitHttpWire.Request.post(server, path, "application/json", Map.of(), body);
    }

    /**
     * Per client, pairs of new events for new rooms: {@code room_started}, then the caller's {@code
     * participant_joined}. The first opens a ringing session, the second makes it active.
     */
    private List<List<LiveKitHttpWire.Request>> webhookRequests(int clientCount, int total) {
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofMinutes(30));
        List<List<LiveKitHttpWire.Request>> perClient = new ArrayList<>();
        for (int client = 0; client < clientCount; client++) {
            List<LiveKitHttpWire.Request> requests = new ArrayList<>();
            for (int i = 0; i < total / clientCount; i += 2) {
                String room = LiveKitHttpWebhooks.newRoom();
                List<WebhookEvent> events = List.of(
                        webhooks.roomStarted(room, now),
                        webhooks.callerJoined(room, "caller-r" + round + "-c" + client + "-" + i, now));
                for (WebhookEvent event : events) {
                    LiveKitHttpWebhooks.Signed signed = webhooks.sign(event, expires);
                    int size = signed.body().getBytes(StandardCharsets.UTF_8).length;
                    smallestWebhookBody = Math.min(smallestWebhookBody, size);
                    largestWebhookBody = Math.max(largestWebhookBody, size);
                    // LiveKit sends the bare token, no "Bearer".
                    requests.add(LiveKitHttpWire.Request.post(
                            server,
                            WEBHOOK_PATH,
                            "application/webhook+json",
                            Map.of("Authorization", signed.token()),
                            signed.body()));
                }
            }
            perClient.add(requests);
        }
        return perClient;
    }

    private void newWebhooks(Figure figure, int clientCount, int total, boolean measured) {
        List<List<LiveKitHttpWire.Request>> requests = webhookRequests(clientCount, total);
        LiveKitHttpClients.Outcome outcome = http(figure, requests, measured);
        newEventsAccepted += outcome.requests() - outcome.failures();
        if (clientCount == CLIENTS) {
            lastWebhooks = requests;
        }
    }

    /** The latest 16-client set of events again, byte for byte with the same tokens: each is a redelivery. */
    private void duplicates(boolean measured) {
        if (lastWebhooks == null) {
            newWebhooks(new Figure("unmeasured", CLIENTS), CLIENTS, requests, false);
        }
        duplicatesSent += lastWebhooks.stream().mapToLong(List::size).sum();
        http(duplicate16, lastWebhooks, measured);
    }

    // --- in-process: what the token endpoint is made of -----------------------------------------------

    private void mintOnOneThread(boolean measured) {
        Samples samples = new Samples();
        long start = System.nanoTime();
        for (int i = 0; i < MINTS_SINGLE; i++) {
            long t = System.nanoTime();
            tokens.issue("bench-room-" + i % ROOMS, "mint-r" + round + "-" + i);
            samples.add(System.nanoTime() - t);
        }
        long elapsed = System.nanoTime() - start;
        if (measured) {
            mint1.add(samples, MINTS_SINGLE, elapsed);
        }
    }

    private void mintConcurrently(boolean measured) {
        List<Samples> perThread = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            perThread.add(new Samples());
        }
        long elapsed = clients.run(CLIENTS, client -> {
            Samples samples = perThread.get(client);
            for (int i = 0; i < MINTS_PER_THREAD; i++) {
                long t = System.nanoTime();
                tokens.issue("bench-room-" + i % ROOMS, "mint-r" + round + "-c" + client + "-" + i);
                samples.add(System.nanoTime() - t);
            }
        });
        if (measured) {
            Samples all = new Samples();
            perThread.forEach(all::addAll);
            mint16.add(all, (long) CLIENTS * MINTS_PER_THREAD, elapsed);
        }
    }

    /** The LiveKit part of a token request, called directly: the same rooms, so each already exists. */
    private void openRooms(boolean measured) {
        Samples samples = new Samples();
        long start = System.nanoTime();
        for (int i = 0; i < OPEN_ROOM_CALLS; i++) {
            long t = System.nanoTime();
            rooms.openNamedRoom("bench-room-" + i % ROOMS, "de");
            samples.add(System.nanoTime() - t);
        }
        long elapsed = System.nanoTime() - start;
        if (measured) {
            openRoom1.add(samples, OPEN_ROOM_CALLS, elapsed);
        }
    }

    // --- after the run --------------------------------------------------------------------------------

    Checks check(JdbcClient jdbc, LiveKitClients liveKit, int connections) {
        List<Integer> dispatches = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            dispatches.add((int)
                    LiveKitClients.require("list dispatches", liveKit.dispatch().listDispatch("bench-room-" + i))
                            .stream()
                            .filter(d -> d.getAgentName().equals(rooms.agentName()))
                            .count());
        }
        long stored = jdbc.sql("select count(*) from call_events where event_id like ?")
                .param(LiveKitHttpWebhooks.EVENT_ID_PREFIX + "%")
                .query(Long.class)
                .single();
        Map<String, Long> sessions = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from call_sessions where room_name like ? group by status order by status")
                .param(LiveKitHttpWebhooks.ROOM_PREFIX + "%")
                .query((rs, n) -> sessions.put(rs.getString(1), rs.getLong(2)))
                .list();
        long ownEvents = jdbc.sql("select count(*) from call_events where event_id not like ?")
                .param(LiveKitHttpWebhooks.EVENT_ID_PREFIX + "%")
                .query(Long.class)
                .single();
        return new Checks(newEventsAccepted, duplicatesSent, stored, sessions, ownEvents, connections, dispatches);
    }

    private interface RequestFactory {
        LiveKitHttpWire.Request create(int client, int index);
    }

    private static List<List<LiveKitHttpWire.Request>> perClient(int clientCount, int total, RequestFactory factory) {
        List<List<LiveKitHttpWire.Request>> perClient = new ArrayList<>();
        for (int client = 0; client < clientCount; client++) {
            List<LiveKitHttpWire.Request> requests = new ArrayList<>();
            for (int i = 0; i < total / clientCount; i++) {
                requests.add(factory.create(client, i));
            }
            perClient.add(requests);
        }
        return perClient;
    }
}
