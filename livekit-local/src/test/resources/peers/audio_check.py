#!/usr/bin/env python3
"""Two LiveKit participants exchange audio through a server: the deploy tests' real client.

Test-only. "talker" publishes a 440 Hz tone, "listener" subscribes and checks that the tone
arrives; then both report the ICE candidate pair their media flows over (local and remote
protocol and type), read from the SDK's WebRTC stats. Built on the official LiveKit Python SDK
(livekit.rtc, Rust libwebrtc underneath), an implementation independent of Sofia's own.

    LIVEKIT_API_KEY=... LIVEKIT_API_SECRET=... python audio_check.py --url ws://127.0.0.1:7880

The key pair comes from the environment, not the command line (ps shows command lines). Prints
one JSON object on stdout and exits 0 when the tone arrived, 1 when it did not in time, 2 when a
participant could not join (the error text is in the object).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import uuid

import numpy as np
from livekit import api, rtc
from livekit.rtc._proto import stats_pb2

SAMPLE_RATE = 48000
FRAME_SAMPLES = SAMPLE_RATE // 100  # 10 ms
TONE_HZ = 440.0


def token(room: str, identity: str) -> str:
    return (
        api.AccessToken(os.environ["LIVEKIT_API_KEY"], os.environ["LIVEKIT_API_SECRET"])
        .with_identity(identity)
        .with_grants(api.VideoGrants(room_join=True, room=room))
        .to_jwt()
    )


def dominant_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / SAMPLE_RATE)[int(np.argmax(spectrum))])


async def publish_tone(source: rtc.AudioSource, stop: asyncio.Event) -> None:
    n = 0
    while not stop.is_set():
        t = (np.arange(FRAME_SAMPLES) + n * FRAME_SAMPLES) / SAMPLE_RATE
        pcm = (0.3 * 32767 * np.sin(2 * np.pi * TONE_HZ * t)).astype(np.int16)
        frame = rtc.AudioFrame(pcm.tobytes(), SAMPLE_RATE, 1, FRAME_SAMPLES)
        await source.capture_frame(frame)  # paced by the source's own queue
        n += 1


async def listen(track: rtc.Track, heard: asyncio.Event, counts: dict) -> None:
    window = np.zeros(0)
    async for event in rtc.AudioStream(track, sample_rate=SAMPLE_RATE, num_channels=1):
        samples = np.frombuffer(event.frame.data, dtype=np.int16).astype(np.float64) / 32768.0
        counts["frames"] += 1
        window = np.concatenate((window, samples))[-SAMPLE_RATE // 10 :]
        rms = float(np.sqrt(np.mean(window * window)))
        if len(window) == SAMPLE_RATE // 10 and rms > 0.05 and abs(dominant_hz(window) - TONE_HZ) < 20:
            counts["tone_frames"] += 1
            if counts["tone_frames"] >= 50:  # half a second of the tone
                heard.set()


def selected_pair(stats: list) -> dict:
    """The nominated, succeeded candidate pair that carried the most bytes (the SDK reports no
    transport stats naming the selected pair), with both candidates' protocol and type."""
    by_id = {}
    for s in stats:
        kind = s.WhichOneof("stats")
        if kind is not None:
            value = getattr(s, kind)
            by_id[value.rtc.id] = (kind, value)
    pairs = [
        value.candidate_pair
        for kind, value in by_id.values()
        if kind == "candidate_pair"
        and value.candidate_pair.nominated
        and value.candidate_pair.state == stats_pb2.PAIR_SUCCEEDED
    ]
    if not pairs:
        return {}
    cp = max(pairs, key=lambda p: p.bytes_received + p.bytes_sent)
    local = by_id.get(cp.local_candidate_id)
    remote = by_id.get(cp.remote_candidate_id)
    return {
        "local": describe(local[1].candidate if local else None),
        "remote": describe(remote[1].candidate if remote else None),
        "bytes_received": cp.bytes_received,
        "bytes_sent": cp.bytes_sent,
    }


def media_pair(room_stats) -> dict:
    """The busier of the room's two peer connections' selected pairs."""
    pairs = [selected_pair(list(room_stats.subscriber_stats)), selected_pair(list(room_stats.publisher_stats))]
    return max(pairs, key=lambda p: p.get("bytes_received", 0) + p.get("bytes_sent", 0))


def describe(candidate) -> dict:
    if candidate is None:
        return {}
    return {
        "protocol": candidate.protocol,
        "type": stats_pb2.IceCandidateType.Name(candidate.candidate_type),
        "address": candidate.address,
        "port": candidate.port,
        "relay_protocol": stats_pb2.IceServerTransportProtocol.Name(candidate.relay_protocol),
    }


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--room", default="deploy-check-" + uuid.uuid4().hex[:8])
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--relay-only", action="store_true", help="ICE over TURN relays only")
    args = parser.parse_args()

    options = rtc.RoomOptions()
    if args.relay_only:
        options.rtc_config = rtc.RtcConfiguration(ice_transport_type=rtc.IceTransportType.TRANSPORT_RELAY)
    result: dict = {"ok": False, "room": args.room}
    talker, listener = rtc.Room(), rtc.Room()
    heard = asyncio.Event()
    stop = asyncio.Event()
    counts = {"frames": 0, "tone_frames": 0}
    tasks: list[asyncio.Task] = []

    @listener.on("track_subscribed")
    def on_track(track: rtc.Track, *_):
        if track.kind == rtc.TrackKind.KIND_AUDIO:
            tasks.append(asyncio.ensure_future(listen(track, heard, counts)))

    try:
        try:
            await asyncio.wait_for(listener.connect(args.url, token(args.room, "listener"), options), args.timeout)
            await asyncio.wait_for(talker.connect(args.url, token(args.room, "talker"), options), args.timeout)
        except Exception as e:  # the SDK raises ConnectError with the server's reason
            result["error"] = f"join failed: {type(e).__name__}: {e}"
            print(json.dumps(result), flush=True)
            return 2
        source = rtc.AudioSource(SAMPLE_RATE, 1)
        await talker.local_participant.publish_track(
            rtc.LocalAudioTrack.create_audio_track("tone", source),
            rtc.TrackPublishOptions(source=rtc.TrackSource.SOURCE_MICROPHONE),
        )
        tasks.append(asyncio.ensure_future(publish_tone(source, stop)))
        try:
            await asyncio.wait_for(heard.wait(), args.timeout)
            result["ok"] = True
        except asyncio.TimeoutError:
            result["error"] = f"the tone did not arrive within {args.timeout} s"
        result.update(counts)
        listener_stats = await listener.get_rtc_stats()
        talker_stats = await talker.get_rtc_stats()
        result["listener"] = media_pair(listener_stats)
        result["talker"] = media_pair(talker_stats)
    finally:
        stop.set()
        for task in tasks:
            task.cancel()
        await talker.disconnect()
        await listener.disconnect()
    print(json.dumps(result), flush=True)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
