package dev.sofia.clinic.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The addresses programs call: the REST API, actuator and the OpenAPI description. Failures there
 * are answered with problem+json, never with a page or a redirect to the login page; the security
 * chain and the error handling ask this one place.
 */
public final class ApiPaths {

    private static final Set<String> PREFIXES = Set.of("/api/", "/actuator/", "/v3/api-docs");

    private ApiPaths() {}

    public static boolean isApiPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PREFIXES.stream().anyMatch(path::startsWith);
    }
}
