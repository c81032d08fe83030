package dev.sofia.bench;

/** Operations completed by concurrent clients and the wall-clock time they took, summed over rounds. */
final class Throughput {

    private long operations;
    private long nanos;

    void add(long operations, long elapsedNanos) {
        this.operations += operations;
        this.nanos += elapsedNanos;
    }

    double perSecond() {
        return operations / (nanos / 1e9);
    }

    /** Wall-clock milliseconds per operation: the inverse of the throughput. */
    double millisPerOperation() {
        return nanos / 1e6 / operations;
    }

    long operations() {
        return operations;
    }
}
