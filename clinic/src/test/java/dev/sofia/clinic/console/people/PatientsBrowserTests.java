package dev.sofia.clinic.console.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import dev.sofia.clinic.support.StaffAccounts;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Front-desk staff find a patient by typing (htmx search-as-you-type), open the record with its
 * appointments, and correct the phone number: first refused with the error next to the field and
 * the rest of the input kept, then saved.
 */
class PatientsBrowserTests extends ConsoleBrowserTest {

    @Autowired
    Patients patients;

    @BeforeEach
    void demoPractice() {
        clock.reset();
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).staff(PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
    }

    @Test
    void searchOpenTheRecordAndCorrectThePhoneNumber() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signIn(context, api, PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
            ConsoleBrowser.menuLink(page, "Patienten").click();
            assertThat(page.locator("h1")).hasText("Patienten");

            // typing is enough: the results follow without pressing Enter
            page.getByLabel("Name, Telefonnummer oder Geburtsdatum").pressSequentially("beck");
            assertThat(page.locator("#patient-results tr.patient")).hasCount(1);
            assertThat(page.locator("h1")).hasCount(1); // htmx swapped in the results, not a whole page
            assertThat(page).hasURL(Pattern.compile(".*/console/patients\\?q=beck$"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Becker, Lukas"))
                    .click();

            assertThat(page.locator("h1")).hasText("Lukas Becker");
            assertThat(page.locator(".facts")).containsText("+4930123456789");
            assertThat(page.locator("table.appointments a[href^='/console/calendar/appointments/']")
                            .first())
                    .isVisible();
            assertThat(page.locator("table.appointments a[href^='/console/calendar?date=']")
                            .first())
                    .isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bearbeiten"))
                    .click();
            page.getByLabel("Telefon").fill("12");
            page.getByLabel("Notizen").fill("Bitte vormittags anrufen");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern"))
                    .click();

            assertThat(page.locator("#phone")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#phone-error")).containsText("keine gültige Telefonnummer");
            assertThat(page.locator("#notes")).hasValue("Bitte vormittags anrufen");
            assertThat(page.locator("[role=alert]")).containsText("nichts gespeichert");
            ConsoleBrowser.screenshot(page, "console-people-patient-invalid");

            page.getByLabel("Telefon").fill("030 5551234");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern"))
                    .click();
            assertThat(page.locator(".flash")).containsText("sind gespeichert");
            assertThat(page.locator(".facts")).containsText("+49305551234");
            assertThat(page.locator(".facts")).containsText("Bitte vormittags anrufen");
            ConsoleBrowser.screenshot(page, "console-people-patient");
        }
        assertThat(patients.findByPhone("030 5551234"))
                .singleElement()
                .satisfies(p -> assertThat(p.lastName()).isEqualTo("Becker"));
    }
}
