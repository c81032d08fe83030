package dev.sofia.clinic.system.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs through Spring Boot's own {@link StructuredLogEncoder}, configured from the real
 * {@code application.yml}, and checks the written line: the proof that what the app writes is
 * redacted, in both console formats.
 */
class LogRedactionIntegrationTests {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3ZWItMSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    private static final String MESSAGE = "caller +4915112345678 alias +49 151 1234 5678, 0151 12345678,"
            + " (030) 123456-78 sent token " + JWT + " with password=hunter2 and header"
            + " Authorization: Bearer sk_live_abcdef, db postgres://sofia:pg-s3cret@db:5432/sofia";
    private static final String[] SECRETS = {
        "4915112345678",
        "151 1234 5678",
        "0151 12345678",
        "(030) 123456",
        JWT,
        "eyJ",
        "hunter2",
        "sk_live_abcdef",
        "pg-s3cret",
        "exc-s3cret",
        "0170 7654321",
        "cause-token-value"
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void jsonLineCarriesNoSecretsAndMasksPhones() throws IOException {
        Logger logger = loggerWritingTo(environment(Map.of()));

        logSecrets(logger);

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(output.lines()).as("one JSON object per line").hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(output);
        assertThat(line.path("message").asString())
                .contains("+**********678", "+** *** **** *678", "**** *****678", "(***) *****6-78")
                .contains("[JWT]", "password=***", "Authorization: ***", "postgres://sofia:***@db:5432/sofia");
        assertThat(line.toString()).contains("**** ****321", "requestId", "req-42");
        assertThat(line.path("error").path("stack_trace").asString())
                .contains("IllegalStateException", "secret=***", "Caused by", "token=***");
        assertThat(output).doesNotContain(SECRETS);
    }

    @Test
    void textLineCarriesNoSecretsEither() throws IOException {
        Logger logger = loggerWritingTo(environment(Map.of("LOG_FORMAT", "text")));

        logSecrets(logger);

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .doesNotStartWith("{")
                .contains("requestId=req-42", "+**********678", "[JWT]", "password=***", "secret=***")
                .doesNotContain(SECRETS);
    }

    private static void logSecrets(Logger logger) {
        MDC.put("requestId", "req-42");
        MDC.put("callerNumber", "0170 7654321");
        var cause = new IllegalArgumentException("refresh with token=cause-token-value");
        logger.error(MESSAGE, new IllegalStateException("login failed, secret=exc-s3cret", cause));
    }

    private static StandardEnvironment environment(Map<String, Object> overrides) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private Logger loggerWritingTo(Environment environment) {
        LoggerContext context = new LoggerContext();
        // The adapter behind org.slf4j.MDC, so the test's MDC.put reaches this private context.
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.start();
        // Where Boot's LogbackLoggingSystem puts it for StructuredLogEncoder to find.
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(environment.getRequiredProperty("logging.structured.format.console"));
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger logger = context.getLogger("dev.sofia.clinic.test");
        logger.addAppender(appender);
        return logger;
    }
}
