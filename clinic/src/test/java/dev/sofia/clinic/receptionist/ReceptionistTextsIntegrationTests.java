package dev.sofia.clinic.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.testkit.FakeLlm;
import dev.sofia.agents.voice.Agent;
import dev.sofia.clinic.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The practice's own words: set over HTTP, validated, and what Sofia then says. */
class ReceptionistTextsIntegrationTests extends ReceptionistTestBase {

    @Autowired
    Api api;

    @Test
    void theConsentNoticeFollowsTheGreetingInTheCallersLanguage() {
        Api.Response set = api.put("/api/receptionist/texts/consent_notice/de", """
                {"text": "Dieses Gespräch wird zur Terminvereinbarung schriftlich festgehalten."}""");
        api.put("/api/receptionist/texts/greeting/en", """
                {"text": "Good morning, Smile Dental, Sofia speaking."}""");

        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        Agent german = receptionist.forCall(call("de"));
        Agent english = receptionist.forCall(call("en"));
        assertThat(german.greeting())
                .startsWith("Zahnarztpraxis Dr. Weber & Kollegen, guten Tag!")
                .endsWith("Dieses Gespräch wird zur Terminvereinbarung schriftlich festgehalten.");
        // English has its own greeting; the consent notice falls back to the German one
        assertThat(english.greeting())
                .isEqualTo("Good morning, Smile Dental, Sofia speaking. "
                        + "Dieses Gespräch wird zur Terminvereinbarung schriftlich festgehalten.");
    }

    @Test
    void parkingComesFromThePracticesTextAndABlankTextRemovesIt() throws Exception {
        api.put("/api/receptionist/texts/parking/de", """
                {"text": "Parken Sie bitte im Parkhaus am Bahnhof."}""");
        var chat = start(
                new FakeLlm()
                        .answer(FakeLlm.Answer.toolCall("practice_info", "{\"topic\": \"PARKING\"}"))
                        .answer("Parken Sie bitte im Parkhaus am Bahnhof."),
                "de");
        chat.run("Wo kann ich parken?").expectNext().isToolCall("practice_info");

        Api.Response removed = api.put("/api/receptionist/texts/parking/de", "{\"text\": \"\"}");

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.raw().body()).doesNotContain("Bahnhof");
        assertThat(services.texts().text(ReceptionistTexts.Topic.PARKING, "de")).isEmpty();
    }

    @Test
    void badInputNamesEveryFieldAndChangesNothing() {
        String before = api.get("/api/receptionist/texts").raw().body();

        Api.Response bad = api.put("/api/receptionist/texts/prices/fr", "{\"text\": \"" + "x".repeat(2001) + "\"}");
        Api.Response missing = api.put("/api/receptionist/texts/greeting/de", "{}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Api.list(bad.json().path("errors")))
                .extracting(e -> e.path("field").asString())
                .containsExactly("topic", "language", "text");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("field").asString())
                .isEqualTo("text");
        assertThat(api.get("/api/receptionist/texts").raw().body()).isEqualTo(before);
    }

    private static ReceptionistCall call(String language) {
        return new ReceptionistCall(null, "console", ReceptionistCall.Channel.CONSOLE, null, language);
    }
}
