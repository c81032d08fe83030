package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address parsing for connections, and the masking of numbers in telephony log lines. */
class SipAddressesTests {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.7, 192.0.2.7",
        "192.0.2.7/32, 192.0.2.7",
        " 198.51.100.0/24 , 198.51.100.0/24",
        "10.0.0.0/8, 10.0.0.0/8",
        "2001:db8::/32, 2001:db8:0:0:0:0:0:0/32",
        "2001:DB8::1, 2001:db8:0:0:0:0:0:1"
    })
    void acceptsIpsAndCidrsInCanonicalForm(String raw, String canonical) {
        SipAddresses.Result result = SipAddresses.cidr(raw);
        assertThat(result.problem()).isNull();
        assertThat(result.value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "300.1.2.3",
                "192.0.2.010",
                "192.0.2.0/33",
                "192.0.2.0/-1",
                "10.0.0.1/8",
                "0.0.0.0/0",
                "10.0.0.0/7",
                "::/0",
                "example.com",
                "g::1",
                "::ffff:192.0.2.1",
                "192.0.2.0/24 extra"
            })
    void refusesAnythingElseWithAReason(String raw) {
        SipAddresses.Result result = SipAddresses.cidr(raw);
        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        "sip.telnyx.com, sip.telnyx.com",
        "SIP.Example.com:5061, sip.example.com:5061",
        "192.0.2.10:5060, 192.0.2.10:5060",
        "[2001:db8::1]:5060, [2001:db8:0:0:0:0:0:1]:5060"
    })
    void acceptsHostAndPort(String raw, String normal) {
        assertThat(SipAddresses.hostPort(raw).value()).isEqualTo(normal);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sip:user@carrier.example",
                "carrier.example:0",
                "carrier.example:70000",
                "carrier.example:",
                "-bad-.example",
                "under_score.example",
                "999.1.1.1",
                "[not-ipv6]:5060",
                "host name.example"
            })
    void refusesOtherOutboundAddresses(String raw) {
        assertThat(SipAddresses.hostPort(raw).valid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"+4930901820, +49 •• ••••20", "+12025550123, +1 •••-•••-••23", "+74951234567, +7 ••• •••-••-67"})
    void numbersInLiveKitMessagesKeepOnlyCountryCodeAndLastTwoDigits(String number, String masked) {
        assertThat(TelephonySync.redact("LiveKit said: number " + number + " is taken"))
                .isEqualTo("LiveKit said: number " + masked + " is taken");
    }
}
