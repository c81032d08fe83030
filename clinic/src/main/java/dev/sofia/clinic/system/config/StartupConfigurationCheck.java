package dev.sofia.clinic.system.config;

import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the {@link ConfigurationCheck} before any bean exists, so a wrong variable stops Sofia with
 * one list of every problem instead of a stack trace from whichever bean trips over it first (or,
 * worse, a silent fallback such as the embedded database in production). Registered in
 * {@code META-INF/spring.factories}.
 */
class StartupConfigurationCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<ConfigurationCheck.Problem> problems = ConfigurationCheck.check(environment);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    /** Last, so profiles and values from application.yml and config data are already in place. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
