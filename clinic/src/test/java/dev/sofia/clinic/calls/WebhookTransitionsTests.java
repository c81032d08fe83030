package dev.sofia.clinic.calls;

import static dev.sofia.clinic.calls.Webhooks.caller;
import static dev.sofia.clinic.calls.Webhooks.event;
import static dev.sofia.clinic.calls.Webhooks.leaving;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.Test;

/** The transitions one webhook makes, without a database: the orders the integration tests skip. */
class WebhookTransitionsTests {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final String ROOM = "web-unit";

    @Test
    void aDepartureDeliveredAfterRoomFinishedGivesTheCallersOwnTimeAndReason() {
        ParticipantInfo anna = caller("caller-a", T0.plusSeconds(5));
        CallSession s = apply(
                ringing(),
                event("participant_joined", ROOM, T0.plusSeconds(5))
                        .setParticipant(anna)
                        .build(),
                event("room_finished", ROOM, T0.plusSeconds(80)).build(),
                event("participant_left", ROOM, T0.plusSeconds(60))
                        .setParticipant(leaving(anna, DisconnectReason.CLIENT_INITIATED))
                        .build());

        assertThat(s.status()).isEqualTo(CallStatus.ENDED);
        assertThat(s.endReason()).isEqualTo("client-initiated");
        assertThat(s.endedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void nothingReopensAnEndedCallAndALaterRoomFinishedDoesNotRewriteIt() {
        ParticipantInfo anna = caller("caller-a", T0.plusSeconds(5));
        CallSession s = apply(
                ringing(),
                event("participant_joined", ROOM, T0.plusSeconds(5))
                        .setParticipant(anna)
                        .build(),
                event("participant_left", ROOM, T0.plusSeconds(60))
                        .setParticipant(anna)
                        .build(),
                event("participant_joined", ROOM, T0.plusSeconds(70))
                        .setParticipant(anna)
                        .build(),
                event("room_started", ROOM, T0).build(),
                event("room_finished", ROOM, T0.plusSeconds(90)).build());

        assertThat(s.status()).isEqualTo(CallStatus.ENDED);
        assertThat(s.endReason()).isEqualTo("caller-left");
        assertThat(s.answeredAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(s.endedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aJoinAfterASweepThatHappenedLaterStaysClosed() {
        CallSession swept = closed(CallStatus.FAILED, "swept", T0.plusSeconds(30));
        CallSession s = apply(
                swept,
                event("participant_joined", ROOM, T0.plusSeconds(40))
                        .setParticipant(caller("caller-a", T0.plusSeconds(40)))
                        .build());

        assertThat(s).isEqualTo(swept);
    }

    @Test
    void anAgentIsNeverTheCallerWhateverItsKindSays() {
        ParticipantInfo agentAsStandard = caller("agent-AJ_x", T0);
        CallSession s = apply(
                ringing(),
                event("participant_joined", ROOM, T0)
                        .setParticipant(agentAsStandard)
                        .build(),
                event("participant_left", ROOM, T0.plusSeconds(3))
                        .setParticipant(agentAsStandard)
                        .build());

        assertThat(s.status()).isEqualTo(CallStatus.RINGING);
        assertThat(s.participantIdentity()).isNull();
        assertThat(s.agentIdentity()).isEqualTo("agent-AJ_x");
        assertThat(s.agentJobId()).isEqualTo("AJ_x");
    }

    @Test
    void egressAndIngressParticipantsAreNotCallers() {
        ParticipantInfo egress = caller("EG_1", T0).toBuilder()
                .setKind(ParticipantInfo.Kind.EGRESS)
                .build();
        CallSession s = apply(
                ringing(),
                event("participant_joined", ROOM, T0).setParticipant(egress).build());

        assertThat(s.status()).isEqualTo(CallStatus.RINGING);
    }

    @Test
    void onACallSofiaPlacesThePracticeIsTheCallerAndTheFarEndIsCalled() {
        CallSession outbound = new CallSession(
                UUID.randomUUID(),
                "callback-1",
                null,
                null,
                null,
                null,
                null,
                null,
                CallDirection.OUTBOUND,
                CallChannel.PHONE,
                "de",
                CallStatus.RINGING,
                T0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        ParticipantInfo patient = Webhooks.sipCaller(
                "sip_callee",
                T0.plusSeconds(3),
                java.util.Map.of("sip.phoneNumber", "+4915112345678", "sip.trunkPhoneNumber", "+4930901820"));

        CallSession s = apply(
                outbound,
                event("participant_joined", "callback-1", T0.plusSeconds(3))
                        .setParticipant(patient)
                        .build());

        assertThat(s.status()).isEqualTo(CallStatus.ACTIVE);
        assertThat(s.callerNumber()).isEqualTo("+4930901820");
        assertThat(s.calledNumber()).isEqualTo("+4915112345678");
    }

    @Test
    void sipNumbersAreStoredInE164WhicheverWayTheTrunkWritesThem() {
        assertThat(WebhookTransitions.e164("+4930901820", "DE")).isEqualTo("+4930901820");
        assertThat(WebhookTransitions.e164("030 901820", "DE")).isEqualTo("+4930901820");
        assertThat(WebhookTransitions.e164("4930901820", "DE")).isEqualTo("+4930901820");
        assertThat(WebhookTransitions.e164("tel:+15105550167", "DE")).isEqualTo("+15105550167");
        assertThat(WebhookTransitions.e164("anonymous", "DE")).isNull();
        assertThat(WebhookTransitions.e164(null, "DE")).isNull();
    }

    private static CallSession apply(CallSession session, WebhookEvent... events) {
        CallSession current = session;
        for (WebhookEvent event : events) {
            SessionDraft draft = SessionDraft.of(current);
            WebhookTransitions.apply(draft, event, Instant.ofEpochSecond(event.getCreatedAt()), "DE");
            current = draft.toSession();
        }
        return current;
    }

    private static CallSession ringing() {
        return new CallSession(
                UUID.randomUUID(),
                ROOM,
                null,
                null,
                null,
                null,
                null,
                null,
                CallDirection.INBOUND,
                CallChannel.WEB,
                "de",
                CallStatus.RINGING,
                T0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static CallSession closed(CallStatus status, String reason, Instant at) {
        return new CallSession(
                UUID.randomUUID(),
                ROOM,
                null,
                null,
                null,
                null,
                null,
                null,
                CallDirection.INBOUND,
                CallChannel.WEB,
                "de",
                status,
                T0,
                null,
                at,
                reason,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
