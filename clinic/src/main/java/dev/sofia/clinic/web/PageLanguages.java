package dev.sofia.clinic.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The language of pages for staff: {@code ?lang=de} or {@code ?lang=en} if given, else the one
 * chosen that way before (a cookie, so the console keeps it from page to page), else the first of
 * the two in the browser's {@code Accept-Language}, else German.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguages implements WebMvcConfigurer {

    static final List<String> SUPPORTED = List.of("de", "en");

    /** Remembers a language picked with {@code ?lang=}; holds nothing but "de" or "en". */
    static final String COOKIE = "sofia_lang";

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                // Without the header the servlet container reports its own default locale: ignore it.
                List<Locale> accepted = request.getHeader("Accept-Language") == null
                        ? List.of()
                        : Collections.list(request.getLocales());
                return resolve(request.getParameter("lang"), cookie(request), accepted);
            }

            @Override
            public void setLocale(
                    HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
                throw new UnsupportedOperationException(
                        "The page language comes from ?lang=, its cookie or Accept-Language");
            }
        };
    }

    /** Keeps a language picked with {@code ?lang=} for the following pages. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                if (lang != null && SUPPORTED.contains(lang) && !lang.equals(cookie(request))) {
                    ResponseCookie cookie = ResponseCookie.from(COOKIE, lang)
                            .path("/")
                            .maxAge(Duration.ofDays(365))
                            .httpOnly(true)
                            .sameSite("Lax")
                            .build();
                    response.addHeader("Set-Cookie", cookie.toString());
                }
                return true;
            }
        });
    }

    static Locale resolve(@Nullable String lang, @Nullable String remembered, List<Locale> accepted) {
        if (lang != null && SUPPORTED.contains(lang)) {
            return Locale.of(lang);
        }
        if (remembered != null && SUPPORTED.contains(remembered)) {
            return Locale.of(remembered);
        }
        return accepted.stream()
                .map(Locale::getLanguage)
                .filter(SUPPORTED::contains)
                .findFirst()
                .map(Locale::of)
                .orElse(Locale.GERMAN);
    }

    private static @Nullable String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
