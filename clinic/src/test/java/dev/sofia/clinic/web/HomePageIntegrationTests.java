package dev.sofia.clinic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClinicIntegrationTest
class HomePageIntegrationTests {

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Api api;

    @Test
    void theHomePageShowsThePracticeTeamAndServices() {
        fixtures.reset();
        var doctor = fixtures.doctor("Dr. Zahn");
        fixtures.type("kontrolle", 30, 0, doctor);

        Api.Response page = api.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.raw().body()).contains("Testpraxis", "Dr. Zahn", "kontrolle", "30");
    }

    @Test
    void anUnconfiguredPracticeSaysHowToSetItUp() {
        fixtures.empty();

        Api.Response page = api.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("noch nicht eingerichtet");
    }
}
