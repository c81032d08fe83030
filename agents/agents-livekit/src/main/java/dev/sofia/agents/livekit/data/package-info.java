/**
 * Data on top of a room's data channels, independent of WebRTC: user packets, text and byte
 * streams, transcriptions, RPC v1 and SIP DTMF. {@link dev.sofia.agents.livekit.data.RoomData} is
 * the facade; the room feeds it every received {@code DataPacket} and sends through a
 * {@link dev.sofia.agents.livekit.data.DataTransport}. User callbacks never run on the delivery
 * thread. See docs/agents-livekit.md, section "Data".
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.livekit.data;
