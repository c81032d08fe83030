/** Running a {@code livekit-server} binary as a child process, for development and tests. */
@org.jspecify.annotations.NullMarked
package dev.sofia.livekit.local;
