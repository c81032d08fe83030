package dev.sofia.clinic.receptionist.worker;

import dev.sofia.agents.livekit.RemoteParticipant;
import dev.sofia.agents.livekit.RoomEvent;
import dev.sofia.agents.livekit.voice.RoomIo;
import dev.sofia.agents.livekit.worker.JobContext;
import dev.sofia.agents.livekit.worker.JobEntrypoint;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.stt.Stt;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.voice.Agent;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.agents.voice.AgentSessionOptions;
import dev.sofia.agents.voice.SessionEvent;
import dev.sofia.agents.voice.SessionIo;
import dev.sofia.clinic.calls.CallSession;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.practice.CallLimits;
import dev.sofia.clinic.receptionist.CallerRecognition;
import dev.sofia.clinic.receptionist.ReceptionistAgent;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.providers.ReceptionistProviders;
import dev.sofia.clinic.system.PhoneNumbers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import livekit.LivekitModels.ParticipantInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call, from the worker's side: wait for the caller, find the call session the webhook or the
 * connect request opened, recognise the caller (a phone number of a known patient), then run Sofia
 * in the room until the call ends — recording the transcript and, on the phone, hanging up when
 * Sofia ends the call.
 */
final class ReceptionistJob implements JobEntrypoint {

    private static final Logger log = LoggerFactory.getLogger(ReceptionistJob.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long a phone call's session may take to appear (its webhook can trail the agent). */
    private static final Duration SESSION_WAIT = Duration.ofSeconds(3);

    private static final Duration CALLER_WAIT = Duration.ofSeconds(60);

    private final ReceptionistAgent receptionist;
    private final ReceptionistServices services;
    private final ReceptionistProviders providers;
    private final CallSessions callSessions;
    private final CallerRecognition recognition;
    private final MeterRegistry meters;

    ReceptionistJob(
            ReceptionistAgent receptionist,
            ReceptionistServices services,
            ReceptionistProviders providers,
            CallSessions callSessions,
            CallerRecognition recognition,
            MeterRegistry meters) {
        this.receptionist = receptionist;
        this.services = services;
        this.providers = providers;
        this.callSessions = callSessions;
        this.recognition = recognition;
        this.meters = meters;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        RemoteParticipant caller = ctx.waitForParticipant(CALLER_WAIT);
        boolean phone = caller.kind() == ParticipantInfo.Kind.SIP;
        Optional<CallSession> session = awaitSession(ctx.roomName());
        String language =
                language(ctx.metadata(), session.map(CallSession::language).orElse(null));
        String callerNumber = phone ? callerNumber(caller) : null;
        ReceptionistCall call = new ReceptionistCall(
                session.map(CallSession::id).orElse(null),
                ctx.roomName(),
                phone ? ReceptionistCall.Channel.PHONE : ReceptionistCall.Channel.WEB,
                callerNumber,
                language);
        recognition.recognise(call);
        CallLimits limits = services.catalog().callLimits();
        // over the limit of calls at once: no recogniser, no model, just the busy notice
        boolean busy = session.map(s -> callSessions.inProgressBefore(s) >= limits.maxConcurrentCalls())
                .orElse(false);

        Optional<Stt> stt = busy ? Optional.empty() : providers.stt(call, providers.sttSampleRate(call));
        Tts tts = providers.tts(call);
        Llm llm = providers.llm(call);
        AgentSession.Builder builder = AgentSession.builder()
                .llm(llm)
                .tts(tts)
                .meterRegistry(meters)
                .options(AgentSessionOptions.DEFAULT.withLanguage(language));
        stt.ifPresent(recognizer -> builder.stt(recognizer).vad(providers.vad(call)));
        AgentSession agentSession = builder.build();
        RoomIo io = RoomIo.open(ctx.room(), caller.identity(), providers.sttSampleRate(call), tts.sampleRate());
        SessionIo sessionIo = stt.isPresent()
                ? io.sessionIo()
                // no speech recognition: the caller types over lk.chat; Sofia still speaks
                : new SessionIo(
                        null, io.sessionIo().audioOutput(), io.sessionIo().transcripts());
        TranscriptRecorder recorder = call.callSessionId()
                .map(id -> new TranscriptRecorder(services.records(), id, services.clock()))
                .orElse(null);
        if (recorder != null) {
            agentSession.addListener(recorder);
        }
        agentSession.addListener(event -> {
            if (event instanceof SessionEvent.Closed closed) {
                onSessionClosed(ctx, call, closed);
            }
        });
        ctx.room().addListener(event -> {
            if (event instanceof RoomEvent.ParticipantDisconnected(var who)
                    && who.identity().equals(caller.identity())) {
                agentSession.close();
            }
        });
        CallTimeLimit timeLimit = null;
        if (busy) {
            agentSession.start(Agent.of(receptionist.instructions(call), List.of()), sessionIo);
            io.attach(agentSession);
            BusyLine.answer(call, services, agentSession, limits.maxConcurrentCalls());
        } else {
            agentSession.start(receptionist.forCall(call), sessionIo);
            io.attach(agentSession);
            if (phone) {
                ctx.room().data().addDtmfListener(new EmergencyKey(caller.identity(), call, services, agentSession));
            }
            timeLimit = CallTimeLimit.start(call, agentSession, limits.maxCallDuration());
            log.info(
                    "Sofia answers a {} call in {} ({}, {})",
                    call.channel(),
                    ctx.roomName(),
                    language,
                    providers.describe());
        }
        CallTimeLimit runningLimit = timeLimit;
        ctx.addShutdownHook(() -> {
            if (runningLimit != null) {
                runningLimit.close();
            }
            agentSession.close();
            io.close();
            ReceptionistProviders.release(llm);
            if (recorder != null) {
                recorder.close();
            }
        });
        ctx.awaitShutdown();
    }

    private void onSessionClosed(JobContext ctx, ReceptionistCall call, SessionEvent.Closed closed) {
        log.info("Sofia's session in {} ended: {}", ctx.roomName(), closed.reason());
        if (call.channel() == ReceptionistCall.Channel.PHONE) {
            try {
                services.callControl().hangUp(call.roomName());
            } catch (RuntimeException e) {
                log.debug("The phone caller in {} was already gone: {}", ctx.roomName(), e.toString());
            }
        }
        ctx.shutdown("session " + closed.reason());
    }

    private Optional<CallSession> awaitSession(String roomName) throws InterruptedException {
        long deadline = System.nanoTime() + SESSION_WAIT.toNanos();
        while (true) {
            Optional<CallSession> session = callSessions.findByRoom(roomName);
            if (session.isPresent() || System.nanoTime() > deadline) {
                if (session.isEmpty()) {
                    log.warn(
                            "No call session for room {}: the call's outcome and transcript are not recorded",
                            roomName);
                }
                return session;
            }
            Thread.sleep(100);
        }
    }

    private static @Nullable String callerNumber(RemoteParticipant caller) {
        String raw = caller.attributes().get("sip.phoneNumber");
        return raw == null ? null : PhoneNumbers.toE164(raw, "DE").orElse(null);
    }

    /** The job's metadata {@code {"language": …}} (web connect), else the session's, else German. */
    static String language(String metadata, @Nullable String sessionLanguage) {
        if (metadata != null && !metadata.isBlank()) {
            try {
                JsonNode node = JSON.readTree(metadata);
                if (node.hasNonNull("language")) {
                    return ReceptionistCall.normalizeLanguage(
                            node.get("language").asString());
                }
            } catch (RuntimeException e) {
                log.debug("Job metadata is not JSON; using the session's language");
            }
        }
        return ReceptionistCall.normalizeLanguage(sessionLanguage);
    }
}
