package dev.sofia.clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersMaskTests {

    @Test
    void keepsTheCountryCodeTheGroupingAndTheLastTwoDigits() {
        assertThat(PhoneNumbers.mask("+4930901820")).isEqualTo("+49 •• ••••20");
        assertThat(PhoneNumbers.mask("+4915112345678")).isEqualTo("+49 •••• •••••78");
        assertThat(PhoneNumbers.mask("+15105550167")).isEqualTo("+1 •••-•••-••67");
        assertThat(PhoneNumbers.mask("+79161234567")).isEqualTo("+7 ••• •••-••-67");
    }

    @Test
    void showsNothingOfWhatIsNotAPhoneNumber() {
        assertThat(PhoneNumbers.mask("anonymous")).isEqualTo("•••");
        assertThat(PhoneNumbers.mask(null)).isNull();
    }
}
