package dev.sofia.clinic.system.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ContextBase;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * The human-readable console format for development ({@code LOG_FORMAT=text}). It is plugged in
 * through the same {@code logging.structured.format.console} switch as the JSON format, so one
 * property picks the format and neither can bypass {@link LogRedactor}: the whole rendered line,
 * MDC and stack trace included, is redacted before it is written.
 */
class RedactingTextLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    // Boot's console pattern minus colours, plus every MDC entry (requestId, callId, ...).
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p [%15.15t] %-40.40logger{39} [%mdc] : %m%n%ex";

    private final PatternLayout layout = new PatternLayout();

    RedactingTextLogFormatter() {
        // A private context: this formatter is built while Boot is still configuring the real one.
        layout.setContext(new ContextBase());
        layout.setPattern(PATTERN);
        layout.start();
    }

    @Override
    public String format(ILoggingEvent event) {
        return LogRedactor.redact(layout.doLayout(event));
    }
}
