package dev.sofia.clinic.support.livekit;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.TestClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Like {@code ClinicIntegrationTest}, but on the fixed port {@link LiveKitServerExtension} picked,
 * talking to that class's own livekit-server. Each such class gets its own Spring context (its
 * LiveKit differs), so keep these classes few and their tests many.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "sofia.data-dir=",
            "sofia.demo-seed=false",
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
public @interface LiveKitIntegrationTest {}
