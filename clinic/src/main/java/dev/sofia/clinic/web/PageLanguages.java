package dev.sofia.clinic.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of pages for staff: {@code ?lang=de} or {@code ?lang=en} if given, else the first of
 * the two in the browser's {@code Accept-Language}, else German. Stateless: a page that wants to
 * keep a chosen language passes {@code lang} on in its links and forms.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguages {

    static final List<String> SUPPORTED = List.of("de", "en");

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                // Without the header the servlet container reports its own default locale: ignore it.
                List<Locale> accepted = request.getHeader("Accept-Language") == null
                        ? List.of()
                        : Collections.list(request.getLocales());
                return resolve(request.getParameter("lang"), accepted);
            }

            @Override
            public void setLocale(
                    HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
                throw new UnsupportedOperationException("The page language comes from ?lang= or Accept-Language");
            }
        };
    }

    static Locale resolve(@Nullable String lang, List<Locale> accepted) {
        if (lang != null && SUPPORTED.contains(lang)) {
            return Locale.of(lang);
        }
        return accepted.stream()
                .map(Locale::getLanguage)
                .filter(SUPPORTED::contains)
                .findFirst()
                .map(Locale::of)
                .orElse(Locale.GERMAN);
    }
}
