package dev.sofia.clinic.system.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogRedactorTests {

    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJ3ZWItMTIzIiwibmFtZSI6IkFubmEifQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    @Test
    void replacesJwtsWhereverTheyStand() {
        assertThat(LogRedactor.redact("joined with " + JWT + " ok")).isEqualTo("joined with [JWT] ok");
        assertThat(LogRedactor.redact("url?x=" + JWT)).isEqualTo("url?x=[JWT]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            password=hunter2                        | password=***
            DATABASE_PASSWORD=hunter2 next          | DATABASE_PASSWORD=*** next
            secret: s3cr3t                          | secret: ***
            client_secret=abc&x=1                   | client_secret=***&x=1
            ?access_token=abc123&room=web-1         | ?access_token=***&room=web-1
            api_key=sk-123                          | api_key=***
            apiKey = sk-123;                        | apiKey = ***;
            X-Api-Key: sk-123                       | X-Api-Key: ***
            {"password":"hunter 2","user":"anna"}   | {"password":"***","user":"anna"}
            {'token': 'abc'}                        | {'token': '***'}
            Authorization: Bearer abc.def-ghi       | Authorization: ***
            authorization=Basic dXNlcjpwYXNz        | authorization=***
            headers=[Authorization:"Bearer xyz"]    | headers=[Authorization:"***"]
            sent Bearer abc.def-ghi_jkl to peer     | sent Bearer *** to peer
            postgres://sofia:hunter2@db:5432/sofia  | postgres://sofia:***@db:5432/sofia
            jdbc:postgresql://u:p@ss@db/sofia       | jdbc:postgresql://u:***@db/sofia
            redis://:hunter2@cache:6379             | redis://:***@cache:6379
            """)
    void masksSecretValues(String input, String expected) {
        assertThat(LogRedactor.redact(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +4915112345678               | +**********678
            +49 151 1234 5678            | +** *** **** *678
            0151 12345678                | **** *****678
            (030) 123456-78              | (***) *****6-78
            0049 30 1234567              | **** ** ****567
            caller=+4915112345678        | caller=+**********678
            sip:+4915112345678@sip.host  | sip:+**********678@sip.host
            call 030/1234567, thanks     | call ***/****567, thanks
            """)
    void masksPhoneNumbersButTheLastThreeDigits(String input, String expected) {
        assertThat(LogRedactor.redact(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "booked 2026-11-21 at 10:30",
                "booked 21.11.2026 at 10:30:00",
                "booked 01-02-2026 and 01/02/2026",
                "at 2026-11-21T10:00:00.123+01:00",
                "appointment 123e4567-e89b-12d3-a456-426614174000",
                "appointment 01234567-89ab-cdef-0123-456789abcdef",
                "nil 00000000-0000-0000-0000-000000000000",
                "listening on port 54321 and 3005",
                "id 0123 and 012345",
                "took 1234567 ms for 12345678 rows",
                "version 0.1234567 and 10.0.0.1",
                "prompt_tokens=120 completion_tokens=30 tokenCount=5",
                "secretary: Anna",
                "thread http-nio-3005-exec-1",
                "password authentication failed for user \"sofia\""
            })
    void leavesOrdinaryTextAlone(String input) {
        assertThat(LogRedactor.redact(input)).isEqualTo(input);
    }

    /** LiveKit's names for a phone call's room and its caller carry the number between underscores. */
    @Test
    void masksNumbersInLiveKitRoomAndParticipantNames() {
        assertThat(LogRedactor.redact("joined room call-_+4915112345678_QSh4LhtA7ZXB as sip_+4915112345678"))
                .doesNotContain("4915112345678")
                .startsWith("joined room call-_")
                .contains("678_QSh4LhtA7ZXB");
    }

    @Test
    void isIdempotent() {
        String once = LogRedactor.redact("password=x +4915112345678 Bearer abc " + JWT);
        assertThat(LogRedactor.redact(once)).isEqualTo(once);
    }

    @Test
    void keepsNullAndEmpty() {
        assertThat(LogRedactor.redact(null)).isNull();
        assertThat(LogRedactor.redact("")).isEmpty();
    }
}
