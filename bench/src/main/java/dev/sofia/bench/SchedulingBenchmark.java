package dev.sofia.bench;

import dev.sofia.clinic.SofiaApplication;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.scheduling.Availability;
import dev.sofia.clinic.scheduling.Booking;
import dev.sofia.clinic.scheduling.BookingRequest;
import dev.sofia.clinic.scheduling.BookingSource;
import dev.sofia.clinic.scheduling.Slot;
import dev.sofia.clinic.scheduling.SlotQuery;
import dev.sofia.clinic.system.ConflictException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Availability and booking against the real clinic services and an embedded PostgreSQL, each figure
 * also expressed in {@code SELECT 1} round trips through the same pool measured in the same run.
 *
 * <p>Every round runs each measurement once, interleaved with {@code SELECT 1} batches, so drift of
 * a noisy machine hits all figures alike; the first rounds only warm up. System properties:
 * {@code bench.warmup} (rounds, default 3), {@code bench.rounds} (default 10), {@code bench.output}
 * (the markdown file, default {@code bench/results/scheduling.md}), {@code bench.commit} (shown in
 * the report).
 */
public final class SchedulingBenchmark {

    static final int CLIENTS = 32;
    static final int SELECT_ONE_PER_BATCH = 400;
    static final int SELECT_ONE_PER_CLIENT = 50;
    static final int ONE_DOCTOR_DAYS = 30;
    static final int ONE_DOCTOR_CALLS = 100;
    static final int ALL_DOCTORS_CALLS = 25;
    static final int BOOKINGS_PER_CLIENT = 8;
    static final int RACES = 8;

    private final JdbcClient jdbc;
    private final Availability availability;
    private final Booking booking;
    private final Fixture fixture;
    private final Clients clients;
    private int round;

    SchedulingBenchmark(JdbcClient jdbc, Availability availability, Booking booking, Fixture fixture, Clients clients) {
        this.jdbc = jdbc;
        this.availability = availability;
        this.booking = booking;
        this.fixture = fixture;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 3);
        int rounds = Integer.getInteger("bench.rounds", 10);
        Path output = Path.of(System.getProperty("bench.output", "bench/results/scheduling.md"));
        Report report;
        try (ConfigurableApplicationContext context = start();
                Clients clients = new Clients(CLIENTS)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            LocalDate tomorrow = LocalDate.now(ZoneId.of(Fixture.TIME_ZONE)).plusDays(1);
            Fixture fixture = Fixture.create(jdbc, tomorrow);
            System.out.printf(
                    "Fixture: %d doctors, %d appointments in %d grid slots over %d days from %s%n",
                    fixture.doctors().size(), fixture.appointments(), fixture.capacity(), Fixture.DAYS, tomorrow);
            var bench = new SchedulingBenchmark(
                    jdbc, context.getBean(Availability.class), context.getBean(Booking.class), fixture, clients);
            for (int i = 1; i <= warmup; i++) {
                System.out.printf("warm-up round %d/%d%n", i, warmup);
                bench.round(new Results());
            }
            Results results = new Results();
            for (int i = 1; i <= rounds; i++) {
                System.out.printf("round %d/%d%n", i, rounds);
                bench.round(results);
            }
            report = new Report(results, Environment.describe(jdbc), fixture, warmup, rounds);
        }
        System.out.println("profiling the 20 × 90 availability call");
        report.addSection(new SchedulingProfile().run());
        System.out.println();
        System.out.println(report.markdown());
        report.write(output);
        System.out.println("Written to " + output.toAbsolutePath());
    }

    static ConfigurableApplicationContext start(ApplicationContextInitializer<?>... initializers) {
        // Command-line arguments rather than builder properties: those are only defaults, and
        // application.yml would override them (an empty data dir means a throw-away database).
        return new SpringApplicationBuilder(SofiaApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .initializers(initializers)
                .run(
                        "--sofia.data-dir=",
                        "--sofia.demo-seed=false",
                        "--spring.datasource.hikari.maximum-pool-size=40",
                        "--logging.level.root=WARN",
                        "--logging.structured.format.console=");
    }

    void round(Results results) {
        round++;
        Samples selectOne = new Samples();
        Samples allDoctors = new Samples();
        selectOnes(selectOne);
        availabilityOneDoctor(results);
        selectOnes(selectOne);
        availabilityAllDoctors(results, allDoctors);
        selectOnes(selectOne);
        List<Slot> free = shuffledFreeSlots();
        bookDistinct(results, free.subList(0, CLIENTS * BOOKINGS_PER_CLIENT));
        selectOnes(selectOne);
        race(results, free.subList(CLIENTS * BOOKINGS_PER_CLIENT, CLIENTS * BOOKINGS_PER_CLIENT + RACES));
        selectOnes(selectOne);
        selectOnesConcurrently(results);
        results.selectOne.addAll(selectOne);
        results.availabilityAllDoctors.addAll(allDoctors);
        results.allDoctorsRatioPerRound.add(allDoctors.p50() / selectOne.p50());
    }

    private void selectOnes(Samples samples) {
        for (int i = 0; i < SELECT_ONE_PER_BATCH; i++) {
            long start = System.nanoTime();
            jdbc.sql("select 1").query(Integer.class).single();
            samples.add(System.nanoTime() - start);
        }
    }

    private void selectOnesConcurrently(Results results) {
        long elapsed = clients.run(client -> {
            for (int i = 0; i < SELECT_ONE_PER_CLIENT; i++) {
                long start = System.nanoTime();
                jdbc.sql("select 1").query(Integer.class).single();
                results.selectOneConcurrent.add(System.nanoTime() - start);
            }
        });
        results.selectOneThroughput.add((long) CLIENTS * SELECT_ONE_PER_CLIENT, elapsed);
    }

    private void availabilityOneDoctor(Results results) {
        LocalDate from = fixture.firstDay();
        for (int i = 0; i < ONE_DOCTOR_CALLS; i++) {
            DoctorId doctor = fixture.doctors().get(i % fixture.doctors().size());
            var query = new SlotQuery(fixture.typeId(), doctor, from, from.plusDays(ONE_DOCTOR_DAYS - 1), null, 0);
            long start = System.nanoTime();
            List<Slot> slots = availability.findSlots(query);
            results.availabilityOneDoctor.add(System.nanoTime() - start);
            results.slotsOneDoctor += slots.size();
            results.callsOneDoctor++;
        }
    }

    private void availabilityAllDoctors(Results results, Samples samples) {
        for (int i = 0; i < ALL_DOCTORS_CALLS; i++) {
            long start = System.nanoTime();
            List<Slot> slots = availability.findSlots(allDoctorsQuery());
            samples.add(System.nanoTime() - start);
            results.slotsAllDoctors += slots.size();
            results.callsAllDoctors++;
        }
    }

    private SlotQuery allDoctorsQuery() {
        return new SlotQuery(fixture.typeId(), null, fixture.firstDay(), fixture.lastDay(), null, 0);
    }

    /**
     * Free slots on the half-hour, where the seeded appointments start too: on a 15-minute grid two
     * free 30-minute slots of one doctor may overlap, two on the half-hour never do.
     */
    private List<Slot> shuffledFreeSlots() {
        List<Slot> free = new ArrayList<>(availability.findSlots(allDoctorsQuery()).stream()
                .filter(s -> s.start().atZone(fixture.zone()).getMinute() % 30 == 0)
                .toList());
        Collections.shuffle(free, new Random(round));
        return free;
    }

    private void bookDistinct(Results results, List<Slot> slots) {
        long elapsed = clients.run(client -> {
            for (int i = 0; i < BOOKINGS_PER_CLIENT; i++) {
                Slot slot = slots.get(i * CLIENTS + client);
                long start = System.nanoTime();
                booking.book(request(client, slot), null);
                results.bookingDistinct.add(System.nanoTime() - start);
            }
        });
        results.bookingDistinctThroughput.add(slots.size(), elapsed);
        Fixture.deleteBookings(jdbc);
    }

    /** All clients book the same start with the same doctor: one must win, the others get a conflict. */
    private void race(Results results, List<Slot> slots) {
        for (Slot slot : slots) {
            var booked = new AtomicInteger();
            var refused = new AtomicInteger();
            long elapsed = clients.run(client -> {
                long start = System.nanoTime();
                try {
                    booking.book(request(client, slot), null);
                    booked.incrementAndGet();
                } catch (ConflictException e) {
                    refused.incrementAndGet();
                } finally {
                    results.bookingOneSlot.add(System.nanoTime() - start);
                }
            });
            results.bookingOneSlotThroughput.add(CLIENTS, elapsed);
            results.races++;
            if (booked.get() != 1 || refused.get() != CLIENTS - 1) {
                results.racesWithWrongOutcome++;
                System.out.printf("race for %s: %d booked, %d refused%n", slot.start(), booked.get(), refused.get());
            }
        }
        Fixture.deleteBookings(jdbc);
    }

    private BookingRequest request(int client, Slot slot) {
        return new BookingRequest(
                fixture.patients().get(client),
                fixture.typeId(),
                slot.doctorId(),
                slot.start(),
                BookingSource.PHONE,
                null,
                null,
                null);
    }
}
