package dev.sofia.clinic.console.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.FormSession;
import dev.sofia.clinic.support.StaffAccounts;
import dev.sofia.clinic.telephony.TransferTargets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What staff do with a live call, over plain HTTP against the test's livekit-server: an action
 * that does not fit the call (or comes after its end) changes nothing, a refusal from LiveKit is
 * reported in plain words, and ending a web call really closes its room.
 */
@ClinicIntegrationTest
class LiveActionsHttpTests {

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    CallSessions sessions;

    @Autowired
    TransferTargets targets;

    @Autowired
    LiveKitClients liveKit;

    private FormSession staff;

    @BeforeEach
    void signIn() {
        fixtures.reset();
        new StaffAccounts(fixtures.jdbc()).staff(PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
        staff = FormSession.signIn(api, PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
    }

    @Test
    void callActionsThatDoNotFitTheCallChangeNothing() {
        CallSeeds seeds = new CallSeeds(sessions, fixtures.jdbc());
        UUID web = seeds.activeWebCall(Instant.now());
        UUID phone = seeds.activePhoneCall("+4917612345678", Instant.now());

        // a web call cannot be taken over, a phone call is hung up rather than "ended"
        assertThat(staff.get("/console/live/" + web + "/take-over").status()).isEqualTo(404);
        assertThat(staff.get("/console/live/" + phone + "/end").status()).isEqualTo(404);

        // no main line is configured: the take-over is refused before LiveKit is asked
        Api.Response takeOver = staff.postFrom(
                "/console/live/" + phone + "/take-over", "/console/live/" + phone + "/take-over", Map.of());
        assertThat(takeOver.status()).isEqualTo(302);
        assertThat(staff.get("/console/live").raw().body()).contains("keine Hauptnummer der Praxis");
        assertThat(sessions.find(phone).orElseThrow().outcome()).isNull();

        // a call that ended meanwhile is reported, not acted on
        seeds.end(web, Instant.now());
        Api.Response end = staff.postFrom("/console/live/" + web + "/end", "/console/live/" + web + "/end", Map.of());
        assertThat(end.status()).isEqualTo(302);
        assertThat(staff.get("/console/live").raw().body()).contains("schon zu Ende");
    }

    @Test
    void aTakeOverLiveKitCannotCarryOutIsReportedInPlainWordsAndChangesNothing() {
        targets.create(new TransferTargets.TargetRequest("main", "+4930901820", "Empfang"));
        UUID phone = new CallSeeds(sessions, fixtures.jdbc()).activePhoneCall("+4917612345678", Instant.now());

        Api.Response takeOver = staff.postFrom(
                "/console/live/" + phone + "/take-over", "/console/live/" + phone + "/take-over", Map.of());

        // LiveKit has no such room (or cannot be reached): either way a sentence, not an error page
        assertThat(takeOver.status()).isEqualTo(302);
        assertThat(staff.get("/console/live").raw().body())
                .containsPattern("class=\"alert\" role=\"alert\">(Dieses Gespräch gibt es nicht mehr"
                        + "|Die Telefonanlage \\(LiveKit\\) antwortet gerade nicht)");
        assertThat(sessions.find(phone).orElseThrow().outcome()).isNull();
    }

    @Test
    void endingAWebCallClosesItsLiveKitRoom() {
        String room = "web-" + UUID.randomUUID();
        LiveKitClients.require(
                "create room", liveKit.rooms().createRoom(room, 60, 4, null, null, null, null, null, 20));
        UUID call =
                sessions.openWebSession(room, null, "caller-end", "de", null).id();
        new CallSeeds(sessions, fixtures.jdbc()).activate(call, Instant.now());

        Api.Response end = staff.postFrom("/console/live/" + call + "/end", "/console/live/" + call + "/end", Map.of());

        assertThat(end.status()).isEqualTo(302);
        assertThat(staff.get("/console/live").raw().body()).contains("Das Gespräch ist beendet.");
        assertThat(LiveKitClients.require("list rooms", liveKit.rooms().listRooms(List.of(room))))
                .isEmpty();
    }
}
