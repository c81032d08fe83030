package dev.sofia.clinic.livekit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link CallerRateLimiter} to the caller endpoints. An interceptor rather than a servlet
 * filter, so the 429 goes through the same problem+json handler as every other error. The client
 * is the remote address; behind a reverse proxy set {@code server.forward-headers-strategy} so it
 * is the caller's, not the proxy's.
 */
@Configuration(proxyBeanMethods = false)
class CallerRateLimitInterceptor implements WebMvcConfigurer {

    static final String CONNECT_PATH = "/api/sofia/connect";
    static final String TOKEN_PATH = "/api/livekit-token";

    private final CallerRateLimiter limiter;

    CallerRateLimitInterceptor(CallerRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if ("POST".equals(request.getMethod())) {
                            String endpoint = request.getRequestURI().endsWith(CONNECT_PATH) ? "connect" : "token";
                            limiter.acquire(request.getRemoteAddr(), endpoint);
                        }
                        return true;
                    }
                })
                .addPathPatterns(CONNECT_PATH, TOKEN_PATH);
    }
}
