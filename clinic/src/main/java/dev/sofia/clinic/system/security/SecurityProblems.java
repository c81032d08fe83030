package dev.sofia.clinic.system.security;

import dev.sofia.clinic.system.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns requests away. API requests get RFC 9457 problem+json like every other API failure: 401
 * {@code /problems/unauthenticated} (with a {@code WWW-Authenticate} challenge for HTTP Basic), 403
 * {@code /problems/forbidden} for a role that is not enough, 403 {@code /problems/csrf-rejected}
 * for a session request without a valid CSRF token. Pages get a redirect to {@code /login}, or the
 * plain 403 error page. Written here, not by {@code ProblemHandler}: these refusals happen in the
 * filter chain, before any controller.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Sofia";

    private final JsonMapper json;
    private final AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (!StaffRequests.isApi(request)) {
            loginPage.commence(request, response, e);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
                "Sign in to the staff console, or send the HTTP Basic credentials of a staff user");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, jakarta.servlet.ServletException {
        // The CSRF check runs before authentication: a request with neither a session nor
        // credentials is unauthenticated first of all, and is told so (401, or the login page).
        if (e instanceof CsrfException && anonymous(request)) {
            commence(request, response, new InsufficientAuthenticationException("Not signed in", e));
            return;
        }
        if (!StaffRequests.isApi(request)) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        if (e instanceof CsrfException) {
            write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "csrf-rejected",
                    "CSRF token missing or invalid",
                    "Send the value of the XSRF-TOKEN cookie in the X-XSRF-TOKEN header");
            return;
        }
        write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Not allowed",
                "Your role does not allow this; it needs an admin");
    }

    private boolean anonymous(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return (authentication == null || trust.isAnonymous(authentication))
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String slug,
            String title,
            String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(slug).toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
