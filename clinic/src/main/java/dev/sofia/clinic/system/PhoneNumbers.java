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
