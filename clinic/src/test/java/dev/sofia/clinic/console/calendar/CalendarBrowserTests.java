package dev.sofia.clinic.console.calendar;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.sofia.clinic.console.calendar.DemoCalendar.BERLIN;
import static dev.sofia.clinic.console.calendar.DemoCalendar.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.Appointments;
import dev.sofia.clinic.scheduling.BookingSource;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import dev.sofia.clinic.support.StaffAccounts;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar in a real browser on the seeded demo practice, on Monday 23 November 2026 at
 * 07:00 in Berlin: a front-desk user books an appointment from a free time in the grid (the
 * patient found by typing), moves it, cancels it, by keyboard where it matters; the database is
 * checked through the scheduling services after each step. Also the week view, a phone's screen
 * and the English page.
 */
class CalendarBrowserTests extends ConsoleBrowserTest {

    static final String STAFF_EMAIL = "empfang@praxis.test";
    static final String STAFF_PASSWORD = "empfang-passwort-1";

    @Autowired
    Appointments appointments;

    @BeforeEach
    void demoPracticeOnMondayMorning() {
        clock.set(MONDAY.atTime(7, 0).atZone(BERLIN).toInstant());
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).staff(STAFF_EMAIL, STAFF_PASSWORD);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aFrontDeskUserBooksMovesAndCancelsAnAppointment() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signIn(context, api, STAFF_EMAIL, STAFF_PASSWORD);
            ConsoleBrowser.menuLink(page, "Kalender").click();
            assertThat(page.locator("h1")).hasText("Kalender · Montag, 23. November 2026");
            assertThat(page.locator(".appointment")).hasCount(3);
            assertThat(page.getByRole(
                            AriaRole.LINK, new Page.GetByRoleOptions().setName("09:00 Kontrolle, Max Mustermann")))
                    .isVisible();
            ConsoleBrowser.screenshot(page, "console-calendar-day");

            // a free time in Dr. Weber's column, by keyboard
            Locator free = page.getByRole(
                    AriaRole.LINK, new Page.GetByRoleOptions().setName("11:00 frei bei Dr. Anna Weber: neuer Termin"));
            free.focus();
            page.keyboard().press("Enter");
            assertThat(page.locator("h1")).hasText("Neuer Termin");
            assertThat(page.locator("#doctor")).hasValue(doctor("weber").value().toString());
            assertThat(page.locator("#date")).hasValue("2026-11-23");
            assertThat(page.locator("#time")).hasValue("11:00");

            // the patient, found as one types (htmx), chosen by keyboard
            page.locator("#q").pressSequentially("Wagn", new Locator.PressSequentiallyOptions().setDelay(40));
            Locator sophie = page.getByLabel(Pattern.compile("Sophie Wagner"));
            assertThat(sophie).isVisible();
            assertThat(page.locator("#patient-results")).containsText("1 Patient gefunden");
            sophie.check();
            page.locator("#type").selectOption(new SelectOption().setLabel("Kontrolle (30 min)"));
            page.locator("#notes").fill("Bitte an Röntgenbild denken");
            ConsoleBrowser.screenshot(page, "console-calendar-new");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Termin buchen"))
                    .click();

            page.waitForURL(Pattern.compile(".*/console/calendar\\?date=2026-11-23$"));
            assertThat(page.locator(".flash")).containsText("Termin gebucht");
            Locator booked = page.locator(".appointment", new Page.LocatorOptions().setHasText("Sophie Wagner"));
            assertThat(booked).containsText("11:00");
            assertThat(booked).containsText("Praxis");
            Appointment first = onlyActive("Sophie");
            assertThat(first.start()).isEqualTo(at(11, 0));
            assertThat(first.doctorId()).isEqualTo(doctor("weber"));
            assertThat(first.source()).isEqualTo(BookingSource.STAFF);
            assertThat(first.notes()).isEqualTo("Bitte an Röntgenbild denken");

            // move it to 14:00 with Dr. Schmidt
            booked.click();
            assertThat(page.locator("h1")).hasText("11:00 Kontrolle, Sophie Wagner");
            assertThat(page.locator(
                            "a[href='/console/patients/" + first.patientId().value() + "']"))
                    .hasText("Sophie Wagner");
            ConsoleBrowser.screenshot(page, "console-calendar-appointment");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verschieben"))
                    .click();
            page.locator("#doctor").selectOption(doctor("schmidt").value().toString());
            page.locator("#time").fill("14:00");
            ConsoleBrowser.screenshot(page, "console-calendar-move");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Verschieben").setExact(true))
                    .click();
            page.waitForURL(Pattern.compile(".*/console/calendar\\?date=2026-11-23$"));
            assertThat(page.locator(".flash")).containsText("Termin verschoben");
            Locator moved = page.locator(".appointment", new Page.LocatorOptions().setHasText("Sophie Wagner"));
            assertThat(moved).hasCount(1);
            assertThat(moved).containsText("14:00");
            assertThat(appointments.find(first.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
            Appointment second = onlyActive("Sophie");
            assertThat(second.start()).isEqualTo(at(14, 0));
            assertThat(second.doctorId()).isEqualTo(doctor("schmidt"));
            assertThat(second.rescheduledFrom()).isEqualTo(first.id());

            // cancel it, after the confirmation
            moved.click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Absagen"))
                    .click();
            assertThat(page.locator("h1")).hasText("Termin absagen");
            assertThat(appointments.find(second.id()).orElseThrow().isActive()).isTrue();
            page.locator("#reason").fill("Patientin ist krank");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, Termin absagen"))
                    .click();
            page.waitForURL(Pattern.compile(".*/console/calendar\\?date=2026-11-23$"));
            assertThat(page.locator(".flash")).containsText("Termin abgesagt");
            assertThat(page.locator(".appointment", new Page.LocatorOptions().setHasText("Sophie Wagner")))
                    .hasCount(0);
            assertThat(page.locator(".appointment")).hasCount(3);
            Appointment cancelled = appointments.find(second.id()).orElseThrow();
            assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
            assertThat(cancelled.cancellationReason()).isEqualTo("Patientin ist krank");
            assertThat(activeOn(MONDAY)).hasSize(3);
        }
    }

    @Test
    void theWeekViewShowsOneDoctorsWorkingDays() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signIn(context, api, STAFF_EMAIL, STAFF_PASSWORD);
            page.navigate(api.uri("/console/calendar?date=2026-11-25&view=week&doctor="
                            + doctor("weber").value())
                    .toString());
            assertThat(page.locator("h1")).hasText("Woche 23.11.2026 – 29.11.2026 · Dr. Anna Weber");
            assertThat(page.locator(".cal-head")).hasCount(5); // Monday to Friday: the practice's days
            assertThat(page.locator(".cal-head").first()).containsText("Mo., 23.11.");
            // Dr. Weber's 09:00 check-up on each of Monday to Thursday
            assertThat(page.locator(".appointment")).hasCount(4);
            assertThat(page.locator(".cal-head").last()).containsText("Fr., 27.11.");
            ConsoleBrowser.screenshot(page, "console-calendar-week");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nächste Woche ›"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*date=2026-12-02.*view=week.*"));
            assertThat(page.locator("h1")).containsText("30.11.2026");
        }
    }

    @Test
    void onAPhoneTheDoctorsStackAndNothingIsWiderThanTheScreen() {
        try (BrowserContext context = browser.phoneContext("de-DE")) {
            Page page = ConsoleBrowser.signIn(context, api, STAFF_EMAIL, STAFF_PASSWORD);
            page.navigate(api.uri("/console/calendar?date=2026-11-23").toString());
            assertThat(page.locator(".appointment")).hasCount(3);
            Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            List<BoundingBox> heads = page.locator(".cal-head").all().stream()
                    .map(Locator::boundingBox)
                    .toList();
            assertThat(heads).hasSize(4);
            assertThat(heads.get(1).y).isGreaterThan(heads.get(0).y + heads.get(0).height);
            assertThat(heads.get(0).width).isLessThanOrEqualTo(ConsoleBrowser.PHONE_WIDTH);
            ConsoleBrowser.screenshot(page, "console-calendar-phone");
        }
    }

    @Test
    void theCalendarSpeaksEnglish() {
        try (BrowserContext context = browser.context("en-GB")) {
            Page page = ConsoleBrowser.signIn(context, api, STAFF_EMAIL, STAFF_PASSWORD);
            page.navigate(api.uri("/console/calendar?date=2026-11-23&lang=en").toString());
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("Calendar · Monday, 23 November 2026");
            assertThat(page.getByRole(
                            AriaRole.LINK, new Page.GetByRoleOptions().setName("09:00 Check-up, Max Mustermann")))
                    .isVisible();
            assertThat(page.locator(".appointment").first()).containsText("confirmed");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName("New appointment")
                                    .setExact(true))
                    .click();
            assertThat(page.locator("h1")).hasText("New appointment");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book appointment"))
                    .evaluate("b => b.form.noValidate = true");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book appointment"))
                    .click();
            assertThat(page.locator("#error-summary")).containsText("Please choose a patient.");
            assertThat(page.locator("#type-error")).hasText("Please choose an appointment type.");
            assertThat(page.locator("#type")).hasAttribute("aria-invalid", "true");
            ConsoleBrowser.screenshot(page, "console-calendar-new-errors-en");
        }
    }

    private Appointment onlyActive(String firstName) {
        List<Appointment> found = activeOn(MONDAY).stream()
                .filter(a -> a.patientId().value().equals(patient(firstName)))
                .toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private List<Appointment> activeOn(LocalDate day) {
        return DemoCalendar.activeOn(appointments, day);
    }

    private UUID patient(String firstName) {
        return DemoCalendar.patientId(fixtures.jdbc(), firstName);
    }

    static DoctorId doctor(String key) {
        return new DoctorId(DemoCalendar.demoId("doctor", key));
    }

    private static java.time.Instant at(int hour, int minute) {
        return ZonedDateTime.of(MONDAY, LocalTime.of(hour, minute), BERLIN).toInstant();
    }
}
