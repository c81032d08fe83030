package dev.sofia.clinic.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@ClinicIntegrationTest
class DemoSeedIntegrationTests {

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Api api;

    DemoSeed seed;

    @BeforeEach
    void emptyDatabase() {
        fixtures.empty();
        seed = new DemoSeed(fixtures.jdbc(), clock, java.time.ZoneId.of("Europe/Berlin"));
    }

    @Test
    void seedingTwiceChangesNothing() {
        assertThat(seedOnce()).isTrue();
        Map<String, Integer> first = counts();

        assertThat(seedOnce()).isFalse();

        assertThat(counts()).isEqualTo(first);
        assertThat(first.get("doctors")).isEqualTo(4);
        assertThat(first.get("appointment_types")).isEqualTo(5);
        assertThat(first.get("appointments")).isPositive();
    }

    @Test
    void theDemoPracticeIsServedAndBookable() {
        seedOnce();

        assertThat(api.get("/api/practice").json().get("name").asString()).startsWith("Zahnarztpraxis");
        String kontrolle = DemoSeed.id("type", "kontrolle").toString();
        var slots = api.get("/api/availability?typeId=" + kontrolle).json().get("slots");
        assertThat(slots.size()).isPositive();
    }

    private boolean seedOnce() {
        Boolean seeded = tx.execute(status -> seed.seed());
        return Boolean.TRUE.equals(seeded);
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Arrays.stream(CalendarFixtures.TABLES.split(",\\s*")).forEach(t -> counts.put(t, fixtures.count(t)));
        return counts;
    }
}
