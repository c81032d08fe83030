package dev.sofia.clinic.web;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The voice widget ({@code /widget/sofia-widget.js}) runs on the practice's own web site and from
 * there calls {@code POST /api/sofia/connect} on Sofia's origin: that one endpoint answers CORS
 * requests from the origins in {@code sofia.widget.allowed-origins} ({@code SOFIA_WIDGET_ORIGINS},
 * comma-separated; {@code *} by default, since the endpoint is public anyway). No credentials:
 * the widget sends no cookies. Nothing else of the API is opened to other origins.
 */
@Configuration(proxyBeanMethods = false)
class WidgetCors implements WebMvcConfigurer {

    static final String CONNECT_PATH = "/api/sofia/connect";

    private final String[] allowedOrigins;

    WidgetCors(@Value("${sofia.widget.allowed-origins:*}") String allowedOrigins) {
        this.allowedOrigins = Arrays.stream(allowedOrigins.split(","))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .toArray(String[]::new);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping(CONNECT_PATH)
                .allowedOriginPatterns(allowedOrigins)
                .allowedMethods("POST")
                .allowedHeaders("Content-Type", "Accept")
                .exposedHeaders("Retry-After")
                .allowCredentials(false)
                .maxAge(3600);
    }
}
