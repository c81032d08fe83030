package dev.sofia.clinic.receptionist.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names and dates of birth as callers say them. */
class OfflineNameAndBirthDateTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Mustermann, geboren am 14.5.1980                                 | -     | Mustermann | 1980-05-14
            Max Mustermann, 14. Mai 1980                                     | Max   | Mustermann | 1980-05-14
            Guten Tag, Max Mustermann, geboren am 14.5.1980. Ich hätte gern  | Max   | Mustermann | 1980-05-14
            my name is John Smith, born 23 January 1990                      | John  | Smith      | 1990-01-23
            Smith, born on the 23rd of January 1990                          | -     | Smith      | 1990-01-23
            This is Jane Doe, born May 14th 1980                             | Jane  | Doe        | 1980-05-14
            Ich muss meinen Termin absagen. Becker, geboren am 8.3.2001.     | -     | Becker     | 2001-03-08
            I'd like a check-up on Wednesday. John Smith, born 1990-01-23    | John  | Smith      | 1990-01-23
            Anna Neumann, geboren am 3. März 1992                            | Anna  | Neumann    | 1992-03-03
            Hi, I'm new here. My name is Emma Brown, born on 12 June 1988.   | Emma  | Brown      | 1988-06-12
            Oh, Verzeihung: 19.7.1968.                                       | -     | -          | 1968-07-19
            Ach, Entschuldigung, 19.7.1968                                   | -     | -          | 1968-07-19
            Ich bin Anna Schulz, geboren am 3.4.1992                         | Anna  | Schulz     | 1992-04-03
            """)
    void readsNameAndBirthDate(String text, String first, String last, LocalDate born) {
        NameAndBirthDate read = NameAndBirthDate.read(text);
        assertThat(read.firstName()).isEqualTo(first);
        assertThat(read.lastName()).isEqualTo(last);
        assertThat(read.birthDate()).isEqualTo(born);
    }

    @Test
    void theRestKeepsWhatWasSaidBesidesTheBirthDate() {
        NameAndBirthDate read =
                NameAndBirthDate.read("Mustermann, 14.5.1980, ich hätte gern eine Kontrolle am Dienstag");
        assertThat(read.rest()).doesNotContain("1980").contains("am Dienstag");
    }

    @Test
    void anImpossibleDateIsNoBirthDate() {
        assertThat(NameAndBirthDate.read("Mustermann, 31.2.1980").birthDate()).isNull();
    }

    @Test
    void aSentenceWithoutNameCueOrBirthDateNamesNoOne() {
        assertThat(NameAndBirthDate.read("Ich hätte gern einen Termin").named()).isFalse();
        assertThat(NameAndBirthDate.read("Ich heiße Erika Musterfrau").named()).isTrue();
        assertThat(NameAndBirthDate.read("Hallo, ich bin neu bei Ihnen und hätte gern eine Zahnreinigung")
                        .named())
                .isFalse();
        assertThat(NameAndBirthDate.read("Hi, I'm new here.").named()).isFalse();
        assertThat(NameAndBirthDate.read("I'm calling about my appointment").named())
                .isFalse();
    }
}
