package dev.sofia.clinic.system;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as the calendar stores them: E.164, validated with libphonenumber. National
 * numbers are read in the practice's country (Germany unless configured otherwise).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String MASK_DOT = "\u2022";

    private PhoneNumbers() {}

    /** The number in E.164 ({@code +4930123456}) if it is a valid number, else empty. */
    public static Optional<String> toE164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The number for a screen that must not show it whole: the country code and the last two
     * digits stay, every other digit becomes a dot, the grouping stays ({@code +4930123456} gives
     * {@code +49 •• ••••56}). Null stays null; text that is not a phone number gives {@code •••}.
     */
    public static String mask(String e164) {
        if (e164 == null) {
            return null;
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return MASK_DOT.repeat(3);
        }
        String countryCode = "+" + number.getCountryCode();
        String formatted = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        if (!formatted.startsWith(countryCode)) {
            return MASK_DOT.repeat(3);
        }
        String rest = formatted.substring(countryCode.length());
        long digits = rest.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(countryCode);
        long seen = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - 2 ? String.valueOf(c) : MASK_DOT);
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /**
     * The number in E.164 or an {@link InvalidInputException} naming {@code field}; null stays null
     * so optional numbers can pass through.
     */
    public static String requireValid(String raw, String defaultRegion, String field) {
        if (raw == null) {
            return null;
        }
        return toE164(raw, defaultRegion)
                .orElseThrow(() -> new InvalidInputException(field, "is not a valid phone number"));
    }
}
