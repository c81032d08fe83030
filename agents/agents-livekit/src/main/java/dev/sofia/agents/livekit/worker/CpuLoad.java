package dev.sofia.agents.livekit.worker;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/**
 * CPU utilisation from the JDK's {@link OperatingSystemMXBean} (container-aware), sampled every
 * 500 ms on one daemon thread and averaged over the last five samples (2.5 s), as livekit-agents'
 * default load function does. The sampler starts on first use and is shared.
 */
public final class CpuLoad implements DoubleSupplier {

    private static final int SAMPLES = 5;
    private static final long SAMPLE_MILLIS = 500;

    private static final class SystemHolder {
        static final CpuLoad INSTANCE = new CpuLoad("system", false);
    }

    private static final class ProcessHolder {
        static final CpuLoad INSTANCE = new CpuLoad("process", true);
    }

    private final double[] samples = new double[SAMPLES];
    private final boolean process;
    private int count;
    private int next;

    private CpuLoad(String name, boolean process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("sofia-cpu-load-" + name).start(this::sample);
    }

    /** The whole machine's (or container's) CPU utilisation, averaged; what the worker uses by default. */
    public static CpuLoad system() {
        return SystemHolder.INSTANCE;
    }

    /** This JVM's share of the machine's CPU, averaged. */
    public static CpuLoad process() {
        return ProcessHolder.INSTANCE;
    }

    /** The average of the recent samples, 0..1 (0 before the first sample). */
    @Override
    public synchronized double getAsDouble() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += samples[i];
        }
        return count == 0 ? 0 : sum / count;
    }

    private void sample() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        while (true) {
            double value = process ? os.getProcessCpuLoad() : os.getCpuLoad();
            if (value >= 0) { // negative = not available yet
                record(Math.min(1, value));
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(double value) {
        samples[next] = value;
        next = (next + 1) % SAMPLES;
        count = Math.min(count + 1, SAMPLES);
    }
}
