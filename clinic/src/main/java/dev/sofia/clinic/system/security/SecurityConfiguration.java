package dev.sofia.clinic.system.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Public: the three endpoints the voice widget and LiveKit call, health probes,
 * Prometheus, the login page, static assets and the home page. Admin: telephony, Sofia's texts,
 * the practice settings, the OpenAPI description, actuator beyond health and Prometheus, and
 * {@code /admin/**}. Everything else needs a signed-in staff user (an admin is also staff). See
 * docs/security.md for the reasoning, CSRF and HTTP Basic included.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffSecurityProperties.class)
class SecurityConfiguration {

    /** Called by the voice widget or LiveKit, never by the console: no session, no CSRF token. */
    static final RequestMatcher CALLER_ENDPOINTS = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/sofia/connect"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/livekit-token"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/livekit/webhook"));

    private static final Set<String> LANGUAGES = Set.of("de", "en");

    @Bean
    SecurityFilterChain staffSecurity(
            HttpSecurity http,
            JsonMapper json,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (secureCookies) {
                cookie.secure(true);
            }
        });
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !StaffRequests.isApi(request));

        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(
                                DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(CALLER_ENDPOINTS)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/health", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // Open for the scraper for now; docs/security.md lists it as open.
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/login", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/css/**", "/js/**", "/widget/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/api/telephony/**", "/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/practice", "/api/receptionist/texts/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/**", "/console", "/console/**")
                        .hasRole("STAFF")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/console")
                        .failureHandler((request, response, e) ->
                                response.sendRedirect(request.getContextPath() + "/login?error" + lang(request))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // the widget's cross-origin preflight to the connect endpoint is answered from MVC's
                // CORS mappings (web/WidgetCors) before any authentication
                .cors(Customizer.withDefaults())
                .httpBasic(basic -> basic.realmName(SecurityProblems.REALM).authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfCookie)
                        .ignoringRequestMatchers(CALLER_ENDPOINTS, StaffRequests::isBasicScript))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Keeps the login page's language across a failed attempt ({@code ?lang=} only de or en). */
    private static String lang(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        return lang != null && LANGUAGES.contains(lang) ? "&lang=" + lang : "";
    }

    /** An admin may do everything staff may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(StaffRole.ADMIN.name())
                .implies(StaffRole.STAFF.name())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder(StaffSecurityProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }
}
