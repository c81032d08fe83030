package dev.sofia.clinic.system.logging;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log line: tokens (JWTs, bearer tokens), secrets written as
 * {@code key=value}, JSON or URL credentials, and patients' phone numbers. Both console formats
 * (JSON and text) pass every message, context value and stack trace through here, so a careless
 * {@code log.info("{}", request)} cannot leak them.
 *
 * <p>Pure and thread-safe; all patterns are compiled once and written without nested ambiguous
 * quantifiers, so a hostile log argument cannot make matching slow. Phone numbers are found with a
 * regular expression rather than libphonenumber's matcher: it runs on every log line, and invalid
 * or foreign numbers must be masked too.
 */
public final class LogRedactor {

    static final String MASK = "***";
    static final String JWT_MASK = "[JWT]";

    /** {@code scheme://user:password@host}: only the password goes; the last '@' ends it. */
    private static final Pattern URL_CREDENTIALS =
            Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]{0,30}://[^\\s:/@?#]{0,256}):[^\\s/?#]{1,256}@");

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/=-]+");

    /**
     * A key naming a secret, then {@code =} or {@code :}, then the value (quoted, an auth scheme and
     * its credentials, or up to the next delimiter). The match starts at the secret word whatever
     * precedes it ({@code DATABASE_PASSWORD}, {@code x-api-key}), which keeps the scan cheap; the
     * word must be followed by a non-letter, so {@code prompt_tokens=120} and {@code secretary:
     * Anna} stay readable.
     */
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)("
            + "(?:password|passwd|pwd|secret|token|api[_-]?key|credentials?|authorization)"
            + "(?![a-z])[\\w.-]{0,40}[\"']?)"
            + "(\\s*[:=]\\s*)"
            + "((?:bearer|basic|digest)\\s+[^\\s\"',;&]+|\"(?:[^\"\\\\]|\\\\.)*+\"|'[^']*+'|[^\\s\"',;&}\\])]+)");

    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    /**
     * A phone number candidate: starts with '+' (E.164), or a national trunk '0' (maybe as
     * "(030)"), then digit groups joined by one space, '-' or '/'. Possessive quantifiers: no
     * backtracking. It must not be glued to a letter or digit, a decimal, a date part or a UUID
     * group on either side; an underscore is a boundary, since LiveKit names phone rooms and SIP
     * participants {@code call-_+4930…_abc} and {@code sip_+4930…}. Digit count and date shape are
     * checked in code.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![A-Za-z0-9\\-/.+])"
            + "(?:\\+|(?=\\(?0))"
            + "\\(?\\d++\\)?+"
            + "(?:[ \\-/]?+\\(?+\\d++\\)?+)*+"
            + "(?![A-Za-z0-9]|[\\-/.:]\\w)");

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{1,4}([-/])\\d{1,2}\\1\\d{1,4}");

    static final int MIN_PHONE_DIGITS = 7;
    static final int MAX_PHONE_DIGITS = 16;
    private static final int VISIBLE_PHONE_DIGITS = 3;

    private LogRedactor() {}

    /** The text with every secret and phone number masked; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        if (result.contains("://")) {
            result = URL_CREDENTIALS.matcher(result).replaceAll("$1:" + MASK + "@");
        }
        result = BEARER.matcher(result).replaceAll("$1 " + MASK);
        result = KEY_VALUE.matcher(result).replaceAll(LogRedactor::maskValue);
        if (result.contains("eyJ")) {
            result = JWT.matcher(result).replaceAll(JWT_MASK);
        }
        return PHONE.matcher(result).replaceAll(LogRedactor::maskPhone);
    }

    private static String maskValue(MatchResult m) {
        String value = m.group(3);
        char first = value.charAt(0);
        String masked = (first == '"' || first == '\'') ? first + MASK + first : MASK;
        return Matcher.quoteReplacement(m.group(1) + m.group(2) + masked);
    }

    private static String maskPhone(MatchResult m) {
        String candidate = m.group();
        int digits = 0;
        for (int i = 0; i < candidate.length(); i++) {
            if (isDigit(candidate.charAt(i))) {
                digits++;
            }
        }
        if (digits < MIN_PHONE_DIGITS
                || digits > MAX_PHONE_DIGITS
                || DATE_SHAPE.matcher(candidate).matches()) {
            return Matcher.quoteReplacement(candidate);
        }
        StringBuilder masked = new StringBuilder(candidate.length());
        int seen = 0;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (isDigit(c) && seen++ < digits - VISIBLE_PHONE_DIGITS) {
                masked.append('*');
            } else {
                masked.append(c);
            }
        }
        return Matcher.quoteReplacement(masked.toString());
    }

    // ASCII only, like the pattern's \d: other scripts' digits were never part of the match.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
