package dev.sofia.clinic.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session opened by a user who has since been deactivated, or given another role, ends with
 * their next request: a session keeps the role it signed in with, so without this a deactivated
 * user would stay signed in, and a demoted admin would keep the admin pages, until the session
 * timed out. Runs right after the security filter chain, for session requests only (HTTP Basic
 * checks the user afresh on every request anyway); one indexed look-up per request.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class StaffSessionCheck extends OncePerRequestFilter {

    private final StaffUsers users;
    private final SecurityProblems problems;

    StaffSessionCheck(StaffUsers users, JsonMapper json) {
        this.users = users;
        this.problems = new SecurityProblems(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && request.getHeader("Authorization") == null
                && auth instanceof UsernamePasswordAuthenticationToken
                && !stillValid(auth)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            problems.commence(
                    request,
                    response,
                    new InsufficientAuthenticationException("The staff user changed; sign in again"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The user still exists, is active, and has the role the session was opened with. */
    private boolean stillValid(Authentication auth) {
        Optional<StaffUser> user = users.findByEmail(auth.getName());
        // roles only: Spring Security also records how the user signed in (FACTOR_PASSWORD)
        Set<String> granted = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .collect(Collectors.toSet());
        return user.isPresent()
                && user.get().active()
                && granted.equals(Set.of("ROLE_" + user.get().role().name()));
    }
}
