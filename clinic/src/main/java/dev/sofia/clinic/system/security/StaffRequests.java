package dev.sofia.clinic.system.security;

import dev.sofia.clinic.system.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** How a request is classified before it is let in or turned away. */
final class StaffRequests {

    private StaffRequests() {}

    /**
     * A request from a program rather than a person navigating: an API path, an htmx request from the
     * console (which swaps the answer into the page, so a redirect would put the login page inside
     * it) or any request that brings its own credentials.
     */
    static boolean isApi(HttpServletRequest request) {
        return ApiPaths.isApiPath(request)
                || request.getHeader("HX-Request") != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    /**
     * A request authenticated by HTTP Basic that shows no sign of coming from a browser. CSRF is an
     * attack on credentials the browser attaches by itself — the session cookie, and also Basic
     * credentials a browser remembers after its login prompt. A script (curl, the tests, an
     * integration) sends Basic explicitly and sends no {@code Origin}; browsers send {@code Origin}
     * on every cross-site (and same-origin) POST, PUT and DELETE, and {@code Sec-Fetch-Site} on all
     * requests. So a Basic request without {@code Origin} and not marked cross-site or same-site
     * cannot be a forged browser request, and needs no CSRF token.
     */
    static boolean isBasicScript(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        return request.getHeader(HttpHeaders.ORIGIN) == null
                && (fetchSite == null || fetchSite.equals("none") || fetchSite.equals("same-origin"));
    }
}
