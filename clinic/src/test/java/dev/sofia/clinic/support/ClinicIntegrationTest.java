package dev.sofia.clinic.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port over a real (embedded, throw-away) PostgreSQL, with a settable
 * clock and no demo data. Every test class using exactly this annotation shares one context and so
 * one database; tests start from {@link CalendarFixtures#reset()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sofia.data-dir=",
            "sofia.demo-seed=false",
            "spring.datasource.hikari.maximum-pool-size=60",
            // Start-up chatter of the database and migrations hides test results in CI output.
            "logging.level.io.zonky=WARN",
            "logging.level.liquibase=WARN",
            // Every test request comes from 127.0.0.1: a production-sized burst would throttle
            // the suite. The rate-limit test reads this value and goes one past it.
            "sofia.rate-limit.callers.capacity=100",
            // The admin Api signs in as; bcrypt's lowest cost, as every request checks a password.
            "SOFIA_ADMIN_EMAIL=" + Api.ADMIN_EMAIL,
            "SOFIA_ADMIN_PASSWORD=" + Api.ADMIN_PASSWORD,
            "sofia.security.bcrypt-strength=4"
        })
@Import({TestClock.class, CalendarFixtures.class, Api.class})
public @interface ClinicIntegrationTest {}
