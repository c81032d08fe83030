package dev.sofia.clinic.support;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A staff-console test in a real browser: the whole app ({@link ClinicIntegrationTest}), one
 * {@link ConsoleBrowser} for the test class, and the beans every such test uses. Each test
 * seeds what it needs, e.g. {@code fixtures.demoPractice(clock)}.
 */
@ClinicIntegrationTest
public abstract class ConsoleBrowserTest {

    @RegisterExtension
    protected static final ConsoleBrowser browser = ConsoleBrowser.perTestClass();

    @Autowired
    protected Api api;

    @Autowired
    protected CalendarFixtures fixtures;

    @Autowired
    protected TestClock clock;
}
