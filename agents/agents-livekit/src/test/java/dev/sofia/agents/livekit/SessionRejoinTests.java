package dev.sofia.agents.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRejoinTests {

    private static final Duration STEP = Duration.ofSeconds(1);

    /** Records the steps; the join fails a given number of times. */
    private static final class Recorder implements SessionRejoin.Steps {
        final List<String> steps = new ArrayList<>();
        int joinFailures;
        boolean closeAfterFirstAttempt;
        boolean closed;

        @Override
        public void teardown(Duration timeout) {
            steps.add("teardown");
        }

        @Override
        public void join(Duration timeout) {
            steps.add("join");
            if (closeAfterFirstAttempt) {
                closed = true;
            }
            if (joinFailures-- > 0) {
                throw new RoomException("no join response");
            }
        }

        @Override
        public void republish() {
            steps.add("republish");
        }

        @Override
        public void awaitConnected(Duration timeout) {
            steps.add("connected");
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    @Test
    void aFailedAttemptTearsDownAgainAndRetries() throws InterruptedException {
        Recorder recorder = new Recorder();
        recorder.joinFailures = 1;

        assertThat(SessionRejoin.run(recorder, STEP)).isTrue();
        assertThat(recorder.steps).containsExactly("teardown", "join", "teardown", "join", "republish", "connected");
    }

    @Test
    void givesUpAfterThreeAttempts() throws InterruptedException {
        Recorder recorder = new Recorder();
        recorder.joinFailures = Integer.MAX_VALUE;

        assertThat(SessionRejoin.run(recorder, STEP)).isFalse();
        assertThat(recorder.steps).containsExactly("teardown", "join", "teardown", "join", "teardown", "join");
    }

    @Test
    void stopsWhenTheRoomClosedMeanwhile() throws InterruptedException {
        Recorder recorder = new Recorder();
        recorder.joinFailures = Integer.MAX_VALUE;
        recorder.closeAfterFirstAttempt = true;

        assertThat(SessionRejoin.run(recorder, STEP)).isFalse();
        assertThat(recorder.steps).containsExactly("teardown", "join");
    }
}
