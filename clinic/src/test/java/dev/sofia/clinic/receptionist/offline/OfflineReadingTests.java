package dev.sofia.clinic.receptionist.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.DoctorId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Doctor wishes, the two parts of a move request, and the reasons the team reads; without Spring. */
class OfflineReadingTests {

    private static final DoctorWish DOCTORS = new DoctorWish(List.of(
            new Doctor(new DoctorId(UUID.randomUUID()), "Dr. Anna Weber", Doctor.Role.DENTIST, true),
            new Doctor(new DoctorId(UUID.randomUUID()), "Dr. Jonas Schmidt", Doctor.Role.DENTIST, true),
            new Doctor(new DoctorId(UUID.randomUUID()), "Maria Klein", Doctor.Role.HYGIENIST, true)));

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Anna Schulz, geboren am 3.4.1992.                    | -
            Ich bin Anna und hätte gern einen Termin             | -
            Ich hätte gern einen Termin bei Dr. Weber            | Weber
            bei Frau Doktor Weber bitte                          | Weber
            Frau Dr. Anna Weber                                  | Weber
            with Dr Schmidt, please                              | Schmidt
            Ja, um 14 Uhr bei Maria Klein                        | Klein
            Dann bei Schmidt.                                    | Schmidt
            Schmidt, 8.3.2001                                    | -
            """)
    void aDoctorWishNeedsATitleOrContext(String text, String expected) {
        assertThat(DOCTORS.lastName(text).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Den am Mittwoch, bitte auf Donnerstag um zehn.              | Den am Mittwoch, bitte  | auf Donnerstag um zehn.
            Die am Donnerstag, auf Freitag bitte.                       | Die am Donnerstag,      | auf Freitag bitte.
            The one on Wednesday. Move it to Tuesday the 1st of December. | The one on Wednesday. Move it | to Tuesday the 1st of December.
            Please move my Wednesday appointment to Thursday morning.   | Please move my Wednesday appointment | to Thursday morning.
            """)
    void aMoveIsSplitAtTheMarkerOfTheNewTime(String text, String which, String newTime) {
        MoveWords move = MoveWords.split(text);
        assertThat(move.marked()).isTrue();
        assertThat(move.which().strip()).isEqualTo(which.strip());
        assertThat(move.newTime().strip()).isEqualTo(newTime.strip());
    }

    @Test
    void toBeforeAVerbIsNoMarker() {
        assertThat(MoveWords.split("I need to move my appointment on Wednesday.")
                        .marked())
                .isFalse();
        assertThat(MoveWords.split("Ich muss meinen Termin am Mittwoch verschieben.")
                        .marked())
                .isFalse();
    }

    @Test
    void reasonsAreShortGermanPhrasesWithoutTheCallersSentence() {
        assertThat(Reasons.of(
                        "Guten Abend, ich habe eine Frage zu meiner Rechnung, 0170 1234567",
                        false,
                        false,
                        false,
                        null,
                        false))
                .isEqualTo("Frage zur Rechnung");
        assertThat(Reasons.of("I have a question about my treatment plan.", false, false, false, null, false))
                .isEqualTo("Frage zum Behandlungsplan");
        assertThat(Reasons.of(
                        "Mir ist ein Zahn abgebrochen, es blutet und tut furchtbar weh.",
                        true,
                        false,
                        false,
                        null,
                        false))
                .isEqualTo("abgebrochener Zahn, Blutung, Schmerzen");
        assertThat(Reasons.of("Ich möchte mit Frau Dr. Weber sprechen.", false, true, false, "Dr. Weber", false))
                .isEqualTo("möchte Dr. Weber sprechen");
        assertThat(Reasons.of("Здравствуйте, у меня вопрос по счёту.", false, false, false, null, true))
                .isEqualTo("Frage zur Rechnung (Anruf auf Russisch)");
        assertThat(Reasons.of(null, false, false, false, null, false)).isEqualTo("Bitte um Rückruf");
        assertThat(Reasons.of("Can I speak to someone at the front desk?", false, true, false, null, false))
                .isEqualTo("möchte mit dem Praxisteam sprechen");
    }
}
