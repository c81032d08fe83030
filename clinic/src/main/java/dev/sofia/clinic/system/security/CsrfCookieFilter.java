package dev.sofia.clinic.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes sure a signed-in browser always has the {@code XSRF-TOKEN} cookie. Spring Security creates
 * the token lazily, when a page renders it; a console page that only uses htmx would otherwise
 * have no cookie to copy into {@code X-XSRF-TOKEN} after a login rotated it. The token is only
 * written when missing, and never for requests with their own credentials (scripts).
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

    private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (trust.isAuthenticated(authentication) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
        }
        chain.doFilter(request, response);
    }
}
