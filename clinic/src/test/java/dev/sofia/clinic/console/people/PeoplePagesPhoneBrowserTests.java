package dev.sofia.clinic.console.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sofia.clinic.calls.CallMessage;
import dev.sofia.clinic.calls.CallMessages;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.CallRecords;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.NewCallMessage;
import dev.sofia.clinic.calls.TranscriptLine.Speaker;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every people page on a phone's screen and in English: nothing wider than the screen (wide
 * tables scroll inside their own box), and the page's own words in English.
 */
class PeoplePagesPhoneBrowserTests extends ConsoleBrowserTest {

    @Autowired
    Patients patients;

    @Autowired
    CallSessions sessions;

    @Autowired
    CallRecords records;

    @Autowired
    CallMessages messages;

    private final Map<String, String> pages = new LinkedHashMap<>();

    @BeforeEach
    void aPracticeWithACallAndAMessage() {
        clock.reset();
        fixtures.demoPractice(clock);
        UUID becker = patients.findByPhone("+4930123456789").getFirst().id().value();
        CallSeeds seeds = new CallSeeds(sessions, fixtures.jdbc());
        UUID call = seeds.activePhoneCall("+4930123456789", clock.instant());
        records.recordPatient(call, becker);
        records.appendTranscript(
                call,
                Speaker.CALLER,
                "Guten Tag, ich hätte gern einen Termin für eine professionelle Zahnreinigung, am liebsten"
                        + " nächste Woche vormittags, wenn das irgendwie geht.",
                clock.instant());
        records.recordOutcome(call, CallOutcome.MESSAGE, "Wünscht Rückruf wegen einer Zahnreinigung.");
        messages.create(new NewCallMessage(
                call, becker, CallMessage.Kind.CALLBACK, null, null, "Zahnreinigung nächste Woche vormittags", "de"));

        pages.put("/console/patients?q=Becker", "Patients");
        pages.put("/console/patients/" + becker, "Lukas Becker");
        pages.put("/console/patients/" + becker + "/edit", "Edit patient details");
        pages.put("/console/patients/new", "Register a new patient");
        pages.put("/console/calls", "Calls");
        pages.put("/console/calls/" + call, "Call of");
        pages.put("/console/live", "Live calls");
        pages.put("/console/messages", "Messages and call-back requests");
    }

    @Test
    void everyPeoplePageFitsAPhoneAndSpeaksEnglish() {
        try (BrowserContext context = browser.phoneContext("en-US")) {
            Page page = ConsoleBrowser.signInAsAdmin(context, api);
            page.navigate(api.uri("/console/patients?lang=en").toString());
            pages.forEach((path, heading) -> {
                page.navigate(api.uri(path).toString());
                assertThat(page.locator("h1")).containsText(heading);
                assertThat(page.locator("html")).hasAttribute("lang", "en");
                Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
            });
            page.navigate(api.uri("/console/live").toString());
            assertThat(page.locator(".live-call")).containsText("Lukas Becker");
            assertThat(page.locator(".live-call")).containsText("Hang up");
            ConsoleBrowser.screenshot(page, "console-people-live-phone");
        }
    }
}
