package dev.sofia.agents.espeak;

import java.util.Arrays;

/**
 * Converts a stream of mono 16-bit PCM from one sample rate to another with a windowed-sinc
 * (Kaiser, β = 8) polyphase filter: espeak-ng only speaks at 22,050 Hz, which is not a whole number
 * of samples per 10 ms, so the pipeline cannot take it as it is.
 *
 * <p>The low-pass sits at 45 % of the lower rate with 24 zero crossings each side (in units of the
 * lower rate): flat to about 0.9 × its Nyquist frequency, stop band from Nyquist on, about 80 dB
 * down. With rates {@code in} and {@code out} reduced to {@code M / L}, output sample {@code n} lies
 * at input position {@code n·M/L}; its filter phase is {@code n·M mod L}, so the {@code L} phases are
 * computed once in a {@link Kernel} (shared, immutable) and a stream only keeps the input it still
 * needs. Output length is exact: {@code ceil(inputSamples · out / in)} once {@link #finish()} is
 * called; the filter is symmetric, so there is no delay to correct. Not thread-safe.
 */
final class SincResampler {

    private final Kernel kernel;
    private final int half; // taps each side of the output position, in input samples
    private double[] buffer; // input samples from absolute index bufferStart on
    private long bufferStart;
    private int length;
    private long inputCount;
    private long produced;

    SincResampler(Kernel kernel) {
        this.kernel = kernel;
        this.half = kernel.half;
        // The taps before the first sample read zeros: start with `half` of them.
        this.buffer = new double[Math.max(4 * half, 1024)];
        this.bufferStart = -half;
        this.length = half;
    }

    /** Converts the next input samples; returns the output they complete (possibly none). */
    short[] process(short[] in) {
        append(in, in.length);
        inputCount += in.length;
        return drain(Long.MAX_VALUE);
    }

    /** Ends the stream: returns the output still owed for the last input samples. */
    short[] finish() {
        append(new short[half], half); // the taps after the last sample read zeros
        long total = (inputCount * kernel.outRate + kernel.inRate - 1) / kernel.inRate;
        return drain(total);
    }

    private short[] drain(long limit) {
        int phases = kernel.phases;
        int step = kernel.step;
        int taps = 2 * half;
        short[] out = new short[(int) Math.max(0, (long) length * phases / step + 2)];
        int count = 0;
        while (produced < limit && count < out.length) {
            long position = produced * step;
            long i = position / phases;
            if (i + half >= bufferStart + length) {
                break; // the filter would need input that has not arrived
            }
            double[] coefficients = kernel.taps[(int) (position % phases)];
            int first = (int) (i - half + 1 - bufferStart);
            double sum = 0;
            for (int k = 0; k < taps; k++) {
                sum += buffer[first + k] * coefficients[k];
            }
            out[count++] = (short) Math.clamp(Math.round(sum), Short.MIN_VALUE, Short.MAX_VALUE);
            produced++;
        }
        discardBefore(produced * step / phases - half + 1);
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    private void append(short[] in, int n) {
        if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
        }
        for (int k = 0; k < n; k++) {
            buffer[length + k] = in[k];
        }
        length += n;
    }

    private void discardBefore(long index) {
        int drop = (int) Math.min(Math.max(0, index - bufferStart), length);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, length - drop);
            length -= drop;
            bufferStart += drop;
        }
    }

    /** The filter phases for one pair of rates; immutable, so one serves every stream. */
    static final class Kernel {

        private static final int ZERO_CROSSINGS = 24;
        private static final double CUTOFF = 0.45; // of the lower rate
        private static final double BETA = 8.0;

        final int inRate;
        final int outRate;
        final int phases; // L
        final int step; // M
        final int half;
        final double[][] taps;

        Kernel(int inRate, int outRate) {
            if (inRate <= 0 || outRate <= 0) {
                throw new IllegalArgumentException("rates must be > 0: " + inRate + " -> " + outRate);
            }
            int gcd = gcd(inRate, outRate);
            this.inRate = inRate;
            this.outRate = outRate;
            this.phases = outRate / gcd;
            this.step = inRate / gcd;
            if (phases > 8_000) {
                // One table row per phase: rates without a large common divisor would need too many.
                throw new IllegalArgumentException("cannot resample " + inRate + " Hz to " + outRate + " Hz");
            }
            double ratio = Math.min(1.0, (double) outRate / inRate);
            double cutoff = CUTOFF * ratio; // cycles per input sample
            this.half = (int) Math.ceil(ZERO_CROSSINGS / ratio);
            this.taps = new double[phases][2 * half];
            double i0Beta = besselI0(BETA);
            for (int p = 0; p < phases; p++) {
                double fraction = (double) p / phases;
                double sum = 0;
                for (int k = 0; k < 2 * half; k++) {
                    // distance from the output position to input sample i - half + 1 + k
                    double d = fraction + half - 1 - k;
                    double x = d / half;
                    double window = Math.abs(x) >= 1 ? 0 : besselI0(BETA * Math.sqrt(1 - x * x)) / i0Beta;
                    double value = 2 * cutoff * sinc(2 * cutoff * d) * window;
                    taps[p][k] = value;
                    sum += value;
                }
                for (int k = 0; k < 2 * half; k++) {
                    taps[p][k] /= sum; // unity gain at DC for every phase, so no phase ripple
                }
            }
        }

        private static double sinc(double x) {
            return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        }

        /** The modified Bessel function of the first kind, order 0, by its power series. */
        private static double besselI0(double x) {
            double sum = 1;
            double term = 1;
            for (int k = 1; k < 50; k++) {
                term *= (x / (2 * k)) * (x / (2 * k));
                sum += term;
                if (term < sum * 1e-17) {
                    break;
                }
            }
            return sum;
        }

        private static int gcd(int a, int b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }
}
