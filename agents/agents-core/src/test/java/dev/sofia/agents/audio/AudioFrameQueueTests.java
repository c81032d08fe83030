package dev.sofia.agents.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AudioFrameQueueTests {

    private static AudioFrame numbered(int n) {
        return new AudioFrame(new short[] {(short) n}, 16_000, 1);
    }

    private static int number(AudioFrame frame) {
        return frame.samples()[0];
    }

    @Test
    void whenFullDropsTheOldestAndCountsIt() {
        var queue = new AudioFrameQueue(3);

        for (int i = 1; i <= 5; i++) {
            assertThat(queue.offer(numbered(i))).isTrue();
        }

        assertThat(queue.dropped()).isEqualTo(2);
        assertThat(queue.size()).isEqualTo(3);
        assertThat(number(queue.poll())).isEqualTo(3);
        assertThat(number(queue.poll())).isEqualTo(4);
        assertThat(number(queue.poll())).isEqualTo(5);
        assertThat(queue.poll()).isNull();
    }

    @Test
    void pollTimesOutWithNullWhileOpen() throws InterruptedException {
        var queue = new AudioFrameQueue(2);

        assertThat(queue.poll(1, TimeUnit.MILLISECONDS)).isNull();
        assertThat(queue.isClosed()).isFalse();
    }

    @Test
    void closeWakesWaitingTakersAndRejectsFurtherFrames() throws InterruptedException {
        var queue = new AudioFrameQueue(2);
        var results = java.util.Collections.synchronizedList(new ArrayList<AudioFrame>());
        var started = new CountDownLatch(2);
        Thread taker = Thread.ofVirtual().start(() -> {
            started.countDown();
            try {
                results.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread poller = Thread.ofVirtual().start(() -> {
            started.countDown();
            try {
                results.add(queue.poll(1, TimeUnit.HOURS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();

        queue.close();

        assertThat(taker.join(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(poller.join(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(results).containsExactly(null, null);
        assertThat(queue.offer(numbered(1))).isFalse();
        assertThat(queue.size()).isZero();
    }

    @Test
    void framesQueuedBeforeCloseAreStillDelivered() throws InterruptedException {
        var queue = new AudioFrameQueue(4);
        queue.offer(numbered(1));
        queue.offer(numbered(2));

        queue.close();

        assertThat(number(queue.take())).isEqualTo(1);
        assertThat(number(queue.poll(1, TimeUnit.SECONDS))).isEqualTo(2);
        assertThat(queue.take()).isNull();
    }

    @Test
    void concurrentProducerAndConsumerLoseNothingWhenTheQueueIsLargeEnoughAndKeepOrder() throws InterruptedException {
        int count = 20_000;
        var queue = new AudioFrameQueue(count);
        List<Integer> received = new ArrayList<>();
        Thread consumer = Thread.ofPlatform().start(() -> {
            try {
                for (AudioFrame f; (f = queue.take()) != null; ) {
                    received.add(number(f) & 0xFFFF);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < count; i++) {
                queue.offer(numbered(i));
            }
        });

        producer.join();
        queue.close();
        consumer.join();

        assertThat(queue.dropped()).isZero();
        assertThat(received).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(received.get(i)).isEqualTo(i & 0xFFFF);
        }
    }

    @Test
    void concurrentProducerAndSlowConsumerAccountForEveryFrame() throws InterruptedException {
        int count = 5_000;
        var queue = new AudioFrameQueue(8);
        List<Integer> received = new ArrayList<>();
        Thread consumer = Thread.ofPlatform().start(() -> {
            try {
                for (AudioFrame f; (f = queue.take()) != null; ) {
                    received.add(number(f));
                    if (received.size() % 100 == 0) {
                        Thread.sleep(1);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < count; i++) {
            queue.offer(numbered(i));
        }
        queue.close();
        consumer.join();

        assertThat(received.size() + queue.dropped()).isEqualTo(count);
        assertThat(received).isSorted().doesNotHaveDuplicates();
        assertThat(received.getLast()).isEqualTo(count - 1);
    }
}
