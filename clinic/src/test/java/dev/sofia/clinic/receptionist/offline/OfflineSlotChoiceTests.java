package dev.sofia.clinic.receptionist.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.time.When;
import dev.sofia.clinic.scheduling.PartOfDay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which offered slot the caller took, and corrections merged into what they asked before. */
class OfflineSlotChoiceTests {

    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");
    private static final LocalDate WEDNESDAY = LocalDate.parse("2026-11-25");

    private static final List<Offer> OFFERS = List.of(
            offer("S1", TUESDAY, "09:30", "Dr. Anna Weber"),
            offer("S2", TUESDAY, "10:00", "Dr. Jonas Schmidt"),
            offer("S3", WEDNESDAY, "10:30", "Dr. Elena Petrova"));

    private static Offer offer(String id, LocalDate day, String time, String doctor) {
        return new Offer(id, day, LocalTime.parse(time), day + " " + time, doctor);
    }

    private static String chosen(String text, When when, boolean daySaid) {
        return SlotChoice.choose(text, when, daySaid, OFFERS).map(Offer::slotId).orElse("none");
    }

    private static When at(LocalDate day, String time) {
        return new When(day, day, time == null ? null : LocalTime.parse(time), null);
    }

    @Test
    void byOrder() {
        assertThat(chosen("Den ersten, bitte", null, false)).isEqualTo("S1");
        assertThat(chosen("the second one", null, false)).isEqualTo("S2");
        assertThat(chosen("den letzten", null, false)).isEqualTo("S3");
    }

    @Test
    void byTimeOrDoctorOrDay() {
        assertThat(chosen("um zehn", at(LocalDate.parse("2026-11-23"), "10:00"), false))
                .isEqualTo("S2");
        assertThat(chosen("the one at 10:30", at(LocalDate.parse("2026-11-23"), "10:30"), false))
                .isEqualTo("S3");
        assertThat(chosen("bei Frau Dr. Weber", null, false)).isEqualTo("S1");
        assertThat(chosen("den am Mittwoch", at(WEDNESDAY, null), true)).isEqualTo("S3");
    }

    @Test
    void aPlainYesTakesOnlyASingleOffer() {
        assertThat(chosen("ja", null, false)).isEqualTo("none");
        assertThat(SlotChoice.choose("Ja, der passt", null, false, OFFERS.subList(0, 1)))
                .map(Offer::slotId)
                .contains("S1");
        assertThat(SlotChoice.choose("nein", null, false, OFFERS.subList(0, 1))).isEmpty();
    }

    @Test
    void anotherDayOrTimeIsNoChoice() {
        assertThat(chosen("lieber Donnerstag", at(LocalDate.parse("2026-11-26"), null), true))
                .isEqualTo("none");
        assertThat(chosen("um drei", at(TUESDAY, "15:00"), false)).isEqualTo("none");
    }

    @Test
    void aCorrectionReplacesWhatItNamesAndKeepsTheRest() {
        When before = new When(TUESDAY, TUESDAY, LocalTime.parse("09:30"), null);
        When thursday = Corrections.merge(before, at(LocalDate.parse("2026-11-26"), null), true);
        assertThat(thursday)
                .isEqualTo(new When(
                        LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-26"), LocalTime.parse("09:30"), null));
        When afternoon = Corrections.merge(
                before,
                new When(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-23"), null, PartOfDay.AFTERNOON),
                false);
        assertThat(afternoon).isEqualTo(new When(TUESDAY, TUESDAY, null, PartOfDay.AFTERNOON));
    }

    @Test
    void laterLooksTwoHoursAfterWhatWasOffered() {
        assertThat(Corrections.shift("lieber später", at(TUESDAY, "09:30"), OFFERS.get(1)))
                .contains(new When(TUESDAY, TUESDAY, LocalTime.parse("12:00"), null));
        assertThat(Corrections.shift("ja", at(TUESDAY, "09:30"), OFFERS.get(1))).isEmpty();
    }
}
