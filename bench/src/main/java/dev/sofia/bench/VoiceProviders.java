package dev.sofia.bench;

import dev.sofia.agents.testkit.openai.ChatReply;
import dev.sofia.agents.testkit.openai.FakeEndpoint;
import dev.sofia.agents.testkit.openai.FakeLatency;
import dev.sofia.agents.testkit.openai.FakeOpenAiServer;
import dev.sofia.agents.testkit.openai.SpeechReply;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake providers both frameworks talk to: the testkit's {@link FakeOpenAiServer}, one instance
 * per role (it has one latency setting per server, and the recogniser and the model must wait
 * differently), each answering every request the same way after its configured delay.
 *
 * <p>The server answers from queues of scripted replies and records every request, so a feeder keeps
 * each queue topped up to {@link #MARGIN} replies ahead of the requests received, and a phase uses
 * fresh servers (the recorded uploads would otherwise pile up over thousands of turns). Close to stop
 * both.
 */
final class VoiceProviders implements AutoCloseable {

    static final String API_KEY = "sk-bench";
    private static final int MARGIN = 64;

    /**
     * The configured delays: the recogniser's answer after the upload, the model's first token, the
     * speech endpoint's first byte; and the turn-taking settings both frameworks get: VAD minimum
     * silence and minimum endpointing delay.
     */
    record Delays(
            Duration stt,
            Duration llmFirstToken,
            Duration ttsFirstByte,
            Duration vadMinSilence,
            Duration minEndpointing) {

        /**
         * What both frameworks must wait, on their critical path, between the end of the caller's
         * speech and their first audio: the VAD's silence, then recognition or the endpointing delay
         * (they run at once in both frameworks), then the model's first token, then the first audio
         * byte. With {@code minEndpointing} at most the recognition delay this is the same sum for
         * Sofia (delay counted from the VAD's end-of-speech event) and livekit-agents (counted from
         * the estimated end of speech, so it also covers the VAD's silence).
         */
        Duration total() {
            Duration recognitionOrEndpointing = stt.compareTo(minEndpointing) >= 0 ? stt : minEndpointing;
            return vadMinSilence
                    .plus(recognitionOrEndpointing)
                    .plus(llmFirstToken)
                    .plus(ttsFirstByte);
        }

        String describe() {
            return "VAD minimum silence %d ms, minimum endpointing delay %d ms, recognition %d ms, model's first token %d ms, first audio byte %d ms"
                    .formatted(
                            vadMinSilence.toMillis(),
                            minEndpointing.toMillis(),
                            stt.toMillis(),
                            llmFirstToken.toMillis(),
                            ttsFirstByte.toMillis());
        }
    }

    final Delays delays;
    final FakeOpenAiServer stt;
    final FakeOpenAiServer llm;
    final FakeOpenAiServer tts;
    private final byte[] answer = VoiceSpeech.answerPcm();
    private final Thread feeder;
    private int transcriptions;
    private int chats;
    private int speeches;

    VoiceProviders(Delays delays) {
        this.delays = delays;
        stt = FakeOpenAiServer.start(API_KEY);
        stt.setLatency(FakeLatency.NONE.withTimeToFirstToken(delays.stt()));
        llm = FakeOpenAiServer.start(API_KEY);
        llm.setLatency(FakeLatency.NONE.withTimeToFirstToken(delays.llmFirstToken()));
        tts = FakeOpenAiServer.start(API_KEY);
        tts.setLatency(FakeLatency.NONE.withTimeToFirstAudioByte(delays.ttsFirstByte()));
        topUp();
        feeder = Thread.ofVirtual().name("voice-providers-feeder").start(this::feed);
    }

    /** The providers' addresses and settings as a job's metadata (JSON), for both workers. */
    String metadata() {
        return JsonMapper.shared()
                .createObjectNode()
                .put("api_key", API_KEY)
                .put("stt_url", stt.baseUrl())
                .put("llm_url", llm.baseUrl())
                .put("tts_url", tts.baseUrl())
                .put("vad_min_silence", delays.vadMinSilence().toMillis() / 1000.0)
                .put("min_endpointing", delays.minEndpointing().toMillis() / 1000.0)
                .toString();
    }

    /** Requests the three servers received. */
    int requestsTotal() {
        return stt.requests().size() + llm.requests().size() + tts.requests().size();
    }

    private void feed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(20);
                topUp();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private synchronized void topUp() {
        while (transcriptions - stt.requests(FakeEndpoint.TRANSCRIPTIONS).size() < MARGIN) {
            stt.enqueueTranscription(VoiceSpeech.TRANSCRIPT);
            transcriptions++;
        }
        while (chats - llm.requests(FakeEndpoint.CHAT_COMPLETIONS).size() < MARGIN) {
            llm.enqueueChat(ChatReply.text(VoiceSpeech.ANSWER_PIECES.toArray(String[]::new)));
            chats++;
        }
        while (speeches - tts.requests(FakeEndpoint.SPEECH).size() < MARGIN) {
            tts.enqueueSpeech(SpeechReply.of(answer));
            speeches++;
        }
    }

    @Override
    public void close() {
        feeder.interrupt();
        for (FakeOpenAiServer server : List.of(stt, llm, tts)) {
            server.close();
        }
    }
}
