#!/usr/bin/env python3
"""Independent LiveKit test peer built on the official Python SDK (livekit.rtc).

Test-only. It joins a room and reports every observation as one JSON object per line on stdout
(flushed at once); commands arrive as JSON objects, one per line, on stdin. The protocol is
documented in docs/agents-livekit.md ("Test peers") and in the module docstring of COMMANDS below.

    python peer.py --url ws://127.0.0.1:7880 --token <jwt> [--detect 440,660] [--timeout 300]

Every event carries "event" and "t_ms" (wall clock, ms since the epoch). Commands may carry an
"id"; events caused by a command repeat it. stdin EOF or "quit" makes the peer leave cleanly.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import math
import sys
import threading
import time
from typing import Any, Optional

import numpy as np
from livekit import rtc

SAMPLE_RATE = 48000
FRAME_MS = 10
FRAME_SAMPLES = SAMPLE_RATE * FRAME_MS // 1000

_out_lock = threading.Lock()


def now_ms() -> int:
    return int(time.time() * 1000)


def emit(event: str, **fields: Any) -> None:
    obj = {"event": event, "t_ms": now_ms()}
    obj.update({k: v for k, v in fields.items() if v is not None})
    line = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    with _out_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def generate_text(size_bytes: int, non_ascii: bool) -> str:
    """Text of at least size_bytes UTF-8 bytes; with non_ascii it mixes 1-, 2-, 3- and 4-byte
    characters so that any chunk boundary has a fair chance of splitting a character."""
    pattern = "Grüße aus Zürich – naïve café, 東京で会いましょう 🎧🚑 " if non_ascii else "The quick brown fox jumps over the lazy dog. "
    parts: list[str] = []
    size = 0
    i = 0
    while size < size_bytes:
        piece = f"[{i:05d}] {pattern}"
        parts.append(piece)
        size += len(piece.encode("utf-8"))
        i += 1
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Tone detection
# --------------------------------------------------------------------------------------------


def tone_ratio(window: np.ndarray, freq: float) -> float:
    """Share of the window's energy at freq (Goertzel / single-bin DFT, Hann window).

    1.0 for a pure sine exactly at freq, about 0 for silence or other frequencies."""
    n = len(window)
    if n == 0:
        return 0.0
    hann = np.hanning(n)
    x = window * hann
    energy = float(np.dot(x, x))
    if energy <= 1e-12:
        return 0.0
    phases = np.exp(-2j * np.pi * freq * np.arange(n) / SAMPLE_RATE)
    power = abs(np.dot(x, phases)) ** 2
    # A sine of amplitude A gives |X|^2 = (A * sum(hann) / 2)^2 and energy = A^2 sum(hann^2) / 2.
    scale = (np.sum(hann) ** 2 / 4) / (np.sum(hann * hann) / 2)
    return float(min(power / (energy * scale), 10.0))


class Detector:
    """One per subscribed audio track: sliding window of the last window_ms, evaluated every frame."""

    def __init__(self, peer: "Peer", participant: str, track_sid: str) -> None:
        self.peer = peer
        self.participant = participant
        self.track_sid = track_sid
        self.buffer = np.zeros(0, dtype=np.float64)
        self.runs: dict[float, int] = {}
        self.run_start: dict[float, int] = {}
        self.detected: set[float] = set()
        self.frames = 0
        self.subscribed_ms = now_ms()
        self.first_audio_ms: Optional[int] = None
        self.stats_energy = 0.0
        self.stats_samples = 0
        self.stats_ratio_sum: dict[float, float] = {}
        self.stats_ratio_max: dict[float, float] = {}
        self.stats_hops = 0
        self.last_stats_ms = now_ms()

    def feed(self, frame: rtc.AudioFrame) -> None:
        t = now_ms()
        samples = np.frombuffer(frame.data, dtype=np.int16).astype(np.float64) / 32768.0
        if frame.num_channels > 1:
            samples = samples.reshape(-1, frame.num_channels)[:, 0]
        self.frames += 1
        rms = math.sqrt(float(np.dot(samples, samples)) / max(1, len(samples)))
        if self.first_audio_ms is None and rms > self.peer.args.silence_rms:
            self.first_audio_ms = t
            emit("audio_started", participant=self.participant, track_sid=self.track_sid,
                 at_ms=t, since_subscribe_ms=t - self.subscribed_ms,
                 rms_dbfs=round(20 * math.log10(rms), 1))
        self.stats_energy += float(np.dot(samples, samples))
        self.stats_samples += len(samples)
        window_samples = SAMPLE_RATE * self.peer.args.window_ms // 1000
        self.buffer = np.concatenate((self.buffer, samples))[-window_samples:]
        if len(self.buffer) >= window_samples:
            window_rms = math.sqrt(float(np.dot(self.buffer, self.buffer)) / len(self.buffer))
            self.stats_hops += 1
            for freq in list(self.peer.targets):
                ratio = tone_ratio(self.buffer, freq) if window_rms > self.peer.args.silence_rms else 0.0
                self.stats_ratio_sum[freq] = self.stats_ratio_sum.get(freq, 0.0) + ratio
                self.stats_ratio_max[freq] = max(self.stats_ratio_max.get(freq, 0.0), ratio)
                if ratio >= self.peer.args.threshold:
                    if self.runs.get(freq, 0) == 0:
                        self.run_start[freq] = t
                    self.runs[freq] = self.runs.get(freq, 0) + 1
                    if self.runs[freq] >= self.peer.args.consecutive and freq not in self.detected:
                        self.detected.add(freq)
                        emit("tone_detected", frequency=freq_json(freq), power_ratio=round(ratio, 4),
                             at_ms=t, first_at_ms=self.run_start[freq],
                             since_subscribe_ms=t - self.subscribed_ms,
                             rms_dbfs=round(20 * math.log10(max(window_rms, 1e-9)), 1),
                             participant=self.participant, track_sid=self.track_sid)
                else:
                    self.runs[freq] = 0
                    if freq in self.detected and window_rms <= self.peer.args.silence_rms:
                        # silence after a detected tone: report it once and re-arm detection
                        self.detected.discard(freq)
                        emit("tone_ended", frequency=freq_json(freq), at_ms=t,
                             participant=self.participant, track_sid=self.track_sid)
        if self.peer.args.stats_ms > 0 and t - self.last_stats_ms >= self.peer.args.stats_ms:
            self.flush_stats(t)

    def flush_stats(self, t: int) -> None:
        rms = math.sqrt(self.stats_energy / self.stats_samples) if self.stats_samples else 0.0
        emit("audio_stats", participant=self.participant, track_sid=self.track_sid, frames=self.frames,
             rms_dbfs=round(20 * math.log10(max(rms, 1e-9)), 1),
             mean_ratio={freq_json(f): round(s / max(1, self.stats_hops), 4) for f, s in self.stats_ratio_sum.items()},
             max_ratio={freq_json(f): round(m, 4) for f, m in self.stats_ratio_max.items()},
             window_ms=self.peer.args.window_ms, period_ms=t - self.last_stats_ms)
        self.stats_energy = 0.0
        self.stats_samples = 0
        self.stats_ratio_sum = {}
        self.stats_ratio_max = {}
        self.stats_hops = 0
        self.last_stats_ms = t


def freq_json(freq: float) -> Any:
    return int(freq) if float(freq).is_integer() else freq


# --------------------------------------------------------------------------------------------
# The peer
# --------------------------------------------------------------------------------------------


class Peer:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.room = rtc.Room()
        self.loop = asyncio.get_running_loop()
        self.targets: list[float] = [float(f) for f in args.detect.split(",") if f.strip()] if args.detect else []
        self.quit = asyncio.Event()
        self.tasks: set[asyncio.Task[Any]] = set()
        self.audio_tasks: dict[str, asyncio.Task[Any]] = {}
        self.tone_task: Optional[asyncio.Task[Any]] = None
        self.tone_stop = asyncio.Event()
        self.source: Optional[rtc.AudioSource] = None
        self.track_pub: Optional[rtc.LocalTrackPublication] = None
        self.text_topics: dict[str, Optional[str]] = {}  # topic -> echo topic (None: no echo)
        self.byte_topics: set[str] = set()

    def spawn(self, coro: Any, cmd: Optional[dict[str, Any]] = None) -> None:
        task = asyncio.ensure_future(self._guard(coro, cmd))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _guard(self, coro: Any, cmd: Optional[dict[str, Any]]) -> None:
        try:
            await coro
        except asyncio.CancelledError:
            raise
        except Exception as e:  # reported, never fatal
            emit("error", message=f"{type(e).__name__}: {e}", cmd=(cmd or {}).get("cmd"), id=(cmd or {}).get("id"))

    # ---- room events -------------------------------------------------------------------------

    def install_handlers(self) -> None:
        room = self.room

        @room.on("participant_connected")
        def _pc(p: rtc.RemoteParticipant) -> None:
            emit("participant_connected", identity=p.identity, sid=p.sid, name=p.name, kind=int(p.kind),
                 attributes=dict(p.attributes))

        @room.on("participant_disconnected")
        def _pd(p: rtc.RemoteParticipant) -> None:
            emit("participant_disconnected", identity=p.identity, sid=p.sid)

        @room.on("track_published")
        def _tp(pub: rtc.RemoteTrackPublication, p: rtc.RemoteParticipant) -> None:
            emit("track_published", participant=p.identity, track_sid=pub.sid, kind=int(pub.kind),
                 source=int(pub.source), name=pub.name)

        @room.on("track_subscribed")
        def _ts(track: rtc.Track, pub: rtc.RemoteTrackPublication, p: rtc.RemoteParticipant) -> None:
            emit("track_subscribed", participant=p.identity, track_sid=track.sid, kind=int(track.kind))
            if track.kind == rtc.TrackKind.KIND_AUDIO:
                task = asyncio.ensure_future(self._guard(self.analyse(track, p.identity), None))
                self.audio_tasks[track.sid] = task

        @room.on("track_unsubscribed")
        def _tu(track: rtc.Track, pub: rtc.RemoteTrackPublication, p: rtc.RemoteParticipant) -> None:
            emit("track_unsubscribed", participant=p.identity, track_sid=track.sid)
            task = self.audio_tasks.pop(track.sid, None)
            if task:
                task.cancel()

        @room.on("track_subscription_failed")
        def _tsf(p: rtc.RemoteParticipant, track_sid: str, error: str) -> None:
            emit("error", message=f"track subscription failed: {error}", participant=p.identity, track_sid=track_sid)

        @room.on("track_muted")
        def _tm(p: rtc.Participant, pub: rtc.TrackPublication) -> None:
            emit("track_muted", participant=p.identity, track_sid=pub.sid)

        @room.on("track_unmuted")
        def _tum(p: rtc.Participant, pub: rtc.TrackPublication) -> None:
            emit("track_unmuted", participant=p.identity, track_sid=pub.sid)

        @room.on("participant_attributes_changed")
        def _ac(changed: dict[str, str], p: rtc.Participant) -> None:
            emit("attributes_changed", participant=p.identity, changed=dict(changed), attributes=dict(p.attributes),
                 local=(p.identity == room.local_participant.identity))

        @room.on("participant_metadata_changed")
        def _mc(p: rtc.Participant, old: str, new: str) -> None:
            emit("metadata_changed", participant=p.identity, metadata=new)

        @room.on("data_received")
        def _dr(packet: rtc.DataPacket) -> None:
            data = bytes(packet.data)
            try:
                text: Optional[str] = data.decode("utf-8")
            except UnicodeDecodeError:
                text = None
            emit("data_received", sender=packet.participant.identity if packet.participant else None,
                 topic=packet.topic, kind=int(packet.kind), length=len(data),
                 sha256=hashlib.sha256(data).hexdigest(), text=text if text is not None and len(text) <= 1000 else None)

        @room.on("sip_dtmf_received")
        def _dtmf(d: rtc.SipDTMF) -> None:
            emit("dtmf", code=d.code, digit=d.digit, sender=d.participant.identity if d.participant else None)

        @room.on("transcription_received")
        def _tr(segments: list[Any], p: Optional[rtc.Participant], pub: Any) -> None:
            for s in segments:
                emit("transcription_received", participant=p.identity if p else None, segment_id=s.id, text=s.text,
                     final=s.final)

        @room.on("connection_state_changed")
        def _cs(state: int) -> None:
            emit("connection_state", state=int(state))

        @room.on("reconnecting")
        def _rc() -> None:
            emit("reconnecting")

        @room.on("reconnected")
        def _rd() -> None:
            emit("reconnected")

        @room.on("disconnected")
        def _dc(reason: Any) -> None:
            emit("disconnected", reason=int(reason) if reason is not None else None)
            self.quit.set()

    # ---- audio in ----------------------------------------------------------------------------

    async def analyse(self, track: rtc.Track, identity: str) -> None:
        detector = Detector(self, identity, track.sid)
        stream = rtc.AudioStream(track, sample_rate=SAMPLE_RATE, num_channels=1, frame_size_ms=FRAME_MS)
        try:
            async for ev in stream:
                detector.feed(ev.frame)
        finally:
            if detector.stats_samples:
                detector.flush_stats(now_ms())
            await stream.aclose()

    # ---- audio out ---------------------------------------------------------------------------

    async def ensure_track(self) -> rtc.AudioSource:
        if self.source is None:
            self.source = rtc.AudioSource(SAMPLE_RATE, 1, queue_size_ms=self.args.queue_ms)
            track = rtc.LocalAudioTrack.create_audio_track("peer-tone", self.source)
            options = rtc.TrackPublishOptions(source=rtc.TrackSource.SOURCE_MICROPHONE, dtx=False)
            self.track_pub = await self.room.local_participant.publish_track(track, options)
            emit("track_published_local", track_sid=self.track_pub.sid)
        return self.source

    async def play_tone(self, cmd: dict[str, Any]) -> None:
        freq = float(cmd.get("frequency", 440))
        seconds = float(cmd.get("seconds", 0))  # 0 = until stop_tone/quit
        silence_ms = int(cmd.get("silence_ms", 0))
        amplitude = float(cmd.get("amplitude", 0.5))
        source = await self.ensure_track()
        self.tone_stop.clear()
        silence_frames = silence_ms // FRAME_MS
        tone_frames = int(seconds * 1000 / FRAME_MS) if seconds > 0 else None
        n = np.arange(FRAME_SAMPLES)
        phase = 0.0
        step = 2 * math.pi * freq / SAMPLE_RATE
        lead = self.args.lead_ms / 1000.0
        start_mono = time.monotonic()
        start_wall = time.time()
        i = 0
        emit("tone_started", id=cmd.get("id"), frequency=freq_json(freq), silence_ms=silence_ms, seconds=seconds)
        while not self.tone_stop.is_set():
            if tone_frames is not None and i >= silence_frames + tone_frames:
                break
            if i < silence_frames:
                pcm = np.zeros(FRAME_SAMPLES, dtype=np.int16)
            else:
                if i == silence_frames:
                    onset = int((start_wall + i * FRAME_MS / 1000.0) * 1000)
                    emit("tone_onset", id=cmd.get("id"), frequency=freq_json(freq), at_ms=onset)
                pcm = (amplitude * 32767 * np.sin(phase + step * n)).astype(np.int16)
                phase = (phase + step * FRAME_SAMPLES) % (2 * math.pi)
            frame = rtc.AudioFrame(pcm.tobytes(), SAMPLE_RATE, 1, FRAME_SAMPLES)
            await source.capture_frame(frame)
            i += 1
            # real-time pacing, a little ahead of the play-out clock
            delay = start_mono + i * FRAME_MS / 1000.0 - lead - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        emit("tone_stopped", id=cmd.get("id"), frequency=freq_json(freq), frames=i)

    # ---- text streams -----------------------------------------------------------------------

    def register_text(self, topic: str, echo_topic: Optional[str]) -> None:
        if topic in self.text_topics:
            self.text_topics[topic] = echo_topic
            return
        self.text_topics[topic] = echo_topic

        def handler(reader: rtc.TextStreamReader, sender: str) -> None:
            self.spawn(self.read_text(topic, reader, sender))

        self.room.register_text_stream_handler(topic, handler)

    async def read_text(self, topic: str, reader: rtc.TextStreamReader, sender: str) -> None:
        info = reader.info
        chunks = 0
        parts: list[str] = []
        started = now_ms()
        try:
            async for chunk in reader:
                chunks += 1
                parts.append(chunk)
        except Exception as e:
            emit("text_error", topic=topic, sender=sender, stream_id=info.stream_id, message=str(e),
                 received_length=len("".join(parts)))
            return
        text = "".join(parts)
        emit("text_received", topic=topic, sender=sender, stream_id=info.stream_id, length=len(text),
             bytes=len(text.encode("utf-8")), sha256=sha256_hex(text), attributes=dict(info.attributes or {}),
             chunks=chunks, mime_type=info.mime_type, duration_ms=now_ms() - started,
             text=text if len(text) <= self.args.max_text_echo else None)
        echo_topic = self.text_topics.get(topic)
        if echo_topic:
            attrs = dict(info.attributes or {})
            attrs["echo.of"] = info.stream_id
            out = await self.room.local_participant.send_text(text, topic=echo_topic, attributes=attrs,
                                                              destination_identities=[sender])
            emit("text_sent", topic=echo_topic, stream_id=out.stream_id, length=len(text), sha256=sha256_hex(text),
                 echo=True)

    def register_bytes(self, topic: str) -> None:
        if topic in self.byte_topics:
            return
        self.byte_topics.add(topic)

        def handler(reader: rtc.ByteStreamReader, sender: str) -> None:
            self.spawn(self.read_bytes(topic, reader, sender))

        self.room.register_byte_stream_handler(topic, handler)

    async def read_bytes(self, topic: str, reader: rtc.ByteStreamReader, sender: str) -> None:
        info = reader.info
        digest = hashlib.sha256()
        size = 0
        async for chunk in reader:
            digest.update(chunk)
            size += len(chunk)
        emit("bytes_received", topic=topic, sender=sender, stream_id=info.stream_id, name=info.name,
             length=size, sha256=digest.hexdigest(), attributes=dict(info.attributes or {}), mime_type=info.mime_type)

    async def send_text(self, cmd: dict[str, Any]) -> None:
        if "text" in cmd:
            text = str(cmd["text"])
        else:
            text = generate_text(int(cmd.get("generate_bytes", 20000)), bool(cmd.get("non_ascii", True)))
        topic = str(cmd.get("topic", "test"))
        attributes = {str(k): str(v) for k, v in (cmd.get("attributes") or {}).items()}
        dest = list(cmd.get("destinations") or [])
        lp = self.room.local_participant
        mode = cmd.get("mode", "send")
        if mode == "stream":
            # chunked writes through a stream writer (how agents send transcription deltas)
            chunk_chars = int(cmd.get("chunk_chars", 100))
            writer = await lp.stream_text(topic=topic, attributes=attributes, destination_identities=dest or None)
            for k in range(0, len(text), chunk_chars):
                await writer.write(text[k:k + chunk_chars])
            await writer.aclose()
            stream_id = writer.info.stream_id
        else:
            info = await lp.send_text(text, topic=topic, attributes=attributes, destination_identities=dest or None,
                                      compress=bool(cmd.get("compress", True)))
            stream_id = info.stream_id
        emit("text_sent", id=cmd.get("id"), topic=topic, stream_id=stream_id, length=len(text),
             bytes=len(text.encode("utf-8")), sha256=sha256_hex(text), attributes=attributes, mode=mode)

    async def send_bytes(self, cmd: dict[str, Any]) -> None:
        size = int(cmd.get("size", 50000))
        data = bytes((k * 31 + 7) % 256 for k in range(size)) if "text" not in cmd else str(cmd["text"]).encode()
        topic = str(cmd.get("topic", "bytes"))
        attributes = {str(k): str(v) for k, v in (cmd.get("attributes") or {}).items()}
        info = await self.room.local_participant.send_bytes(
            data, topic=topic, name=cmd.get("name", "peer.bin"), attributes=attributes,
            destination_identities=list(cmd.get("destinations") or []) or None)
        emit("bytes_sent", id=cmd.get("id"), topic=topic, stream_id=info.stream_id, length=len(data),
             sha256=hashlib.sha256(data).hexdigest())

    # ---- RPC -------------------------------------------------------------------------------------

    def register_rpc(self, method: str, behavior: str, cmd: dict[str, Any]) -> None:
        code = int(cmd.get("error_code", 2001))
        message = str(cmd.get("error_message", "requested failure"))

        async def handler(data: rtc.RpcInvocationData) -> str:
            emit("rpc_invoked", method=method, caller=data.caller_identity, request_id=data.request_id,
                 payload=data.payload, response_timeout=data.response_timeout)
            if behavior == "echo":
                return data.payload
            if behavior == "reverse":
                return data.payload[::-1]
            if behavior == "upper":
                return data.payload.upper()
            if behavior == "error":
                raise rtc.RpcError(code, message, data.payload)
            if behavior == "crash":
                raise ValueError("handler crashed on purpose")
            if behavior == "sleep":
                await asyncio.sleep(float(data.payload or "1000") / 1000.0)
                return "slept"
            raise rtc.RpcError(1400, f"unknown behaviour {behavior}")

        self.room.local_participant.register_rpc_method(method, handler)

    async def perform_rpc(self, cmd: dict[str, Any]) -> None:
        dest = str(cmd["destination"])
        method = str(cmd.get("method", "echo"))
        payload = str(cmd.get("payload", ""))
        timeout = cmd.get("timeout_s")
        started = now_ms()
        try:
            result = await self.room.local_participant.perform_rpc(
                destination_identity=dest, method=method, payload=payload,
                response_timeout=float(timeout) if timeout is not None else None)
            emit("rpc_result", id=cmd.get("id"), destination=dest, method=method, ok=True, payload=result,
                 elapsed_ms=now_ms() - started)
        except rtc.RpcError as e:
            emit("rpc_result", id=cmd.get("id"), destination=dest, method=method, ok=False, code=e.code,
                 message=e.message, data=e.data, elapsed_ms=now_ms() - started)

    # ---- commands --------------------------------------------------------------------------------

    async def handle(self, cmd: dict[str, Any]) -> None:
        name = cmd.get("cmd")
        lp = self.room.local_participant
        if name == "quit":
            self.quit.set()
        elif name == "publish_tone":
            if self.tone_task and not self.tone_task.done():
                self.tone_stop.set()
                await self.tone_task
            self.tone_task = asyncio.ensure_future(self._guard(self.play_tone(cmd), cmd))
        elif name == "stop_tone":
            self.tone_stop.set()
            if self.tone_task:
                await self.tone_task
        elif name == "unpublish_audio":
            if self.track_pub:
                self.tone_stop.set()
                await lp.unpublish_track(self.track_pub.sid)
                self.track_pub = None
                self.source = None
        elif name == "mute":
            if self.track_pub and self.track_pub.track:
                if cmd.get("muted", True):
                    self.track_pub.track.mute()
                else:
                    self.track_pub.track.unmute()
        elif name == "detect":
            self.targets = [float(f) for f in cmd.get("frequencies", [])]
        elif name == "register_text":
            self.register_text(str(cmd.get("topic", "test")), cmd.get("echo_topic"))
        elif name == "register_bytes":
            self.register_bytes(str(cmd.get("topic", "bytes")))
        elif name == "send_text":
            self.spawn(self.send_text(cmd), cmd)
        elif name == "send_bytes":
            self.spawn(self.send_bytes(cmd), cmd)
        elif name == "register_rpc":
            self.register_rpc(str(cmd["method"]), str(cmd.get("behavior", "echo")), cmd)
        elif name == "perform_rpc":
            self.spawn(self.perform_rpc(cmd), cmd)
        elif name == "set_attributes":
            await lp.set_attributes({str(k): str(v) for k, v in (cmd.get("attributes") or {}).items()})
        elif name == "set_metadata":
            await lp.set_metadata(str(cmd.get("metadata", "")))
        elif name == "publish_data":
            await lp.publish_data(str(cmd.get("payload", "")), reliable=bool(cmd.get("reliable", True)),
                                  topic=str(cmd.get("topic", "")),
                                  destination_identities=list(cmd.get("destinations") or []))
        elif name == "send_dtmf":
            await lp.publish_dtmf(code=int(cmd.get("code", 1)), digit=str(cmd.get("digit", "1")))
        elif name == "participants":
            emit("participants", id=cmd.get("id"), participants=[
                {"identity": p.identity, "sid": p.sid, "kind": int(p.kind), "attributes": dict(p.attributes),
                 "tracks": [t.sid for t in p.track_publications.values()]}
                for p in self.room.remote_participants.values()])
        else:
            emit("error", message=f"unknown command {name!r}", id=cmd.get("id"))
            return
        emit("ack", cmd=name, id=cmd.get("id"))

    def start_stdin_reader(self, queue: "asyncio.Queue[Optional[str]]") -> None:
        loop = self.loop

        def run() -> None:
            for line in sys.stdin:
                loop.call_soon_threadsafe(queue.put_nowait, line)
            loop.call_soon_threadsafe(queue.put_nowait, None)

        threading.Thread(target=run, name="stdin", daemon=True).start()

    async def command_loop(self, queue: "asyncio.Queue[Optional[str]]") -> None:
        while True:
            line = await queue.get()
            if line is None:  # stdin closed: the test driver went away
                emit("stdin_closed")
                self.quit.set()
                return
            line = line.strip()
            if not line:
                continue
            if line == "quit":
                self.quit.set()
                return
            try:
                cmd = json.loads(line)
            except json.JSONDecodeError as e:
                emit("error", message=f"bad command line: {e}", line=line[:200])
                continue
            try:
                await self.handle(cmd)
            except Exception as e:
                emit("error", message=f"{type(e).__name__}: {e}", cmd=cmd.get("cmd"), id=cmd.get("id"))

    # ---- main ------------------------------------------------------------------------------------

    async def run(self) -> int:
        self.install_handlers()
        for topic in [t for t in self.args.text_topics.split(",") if t]:
            self.register_text(topic, topic if self.args.echo_text else None)
        for topic in [t for t in self.args.byte_topics.split(",") if t]:
            self.register_bytes(topic)
        try:
            await self.room.connect(self.args.url, self.args.token, rtc.RoomOptions(auto_subscribe=True))
        except Exception as e:
            emit("error", stage="connect", message=f"{type(e).__name__}: {e}")
            return 2
        lp = self.room.local_participant
        # default RPC methods
        for method, behavior in (("echo", "echo"), ("reverse", "reverse"), ("upper", "upper"), ("fail", "error"),
                                 ("crash", "crash"), ("sleep", "sleep")):
            self.register_rpc(method, behavior, {})
        emit("joined", identity=lp.identity, sid=lp.sid, room=self.room.name, attributes=dict(lp.attributes),
             participants=[p.identity for p in self.room.remote_participants.values()])
        for p in self.room.remote_participants.values():
            emit("participant_connected", identity=p.identity, sid=p.sid, name=p.name, kind=int(p.kind),
                 attributes=dict(p.attributes), existing=True)
        if self.args.attributes:
            attrs = dict(kv.split("=", 1) for kv in self.args.attributes.split(","))
            await lp.set_attributes(attrs)
        if self.args.tone:
            self.tone_task = asyncio.ensure_future(self._guard(self.play_tone(
                {"frequency": self.args.tone, "seconds": self.args.tone_seconds, "silence_ms": self.args.silence_ms}),
                None))
        queue: asyncio.Queue[Optional[str]] = asyncio.Queue()
        self.start_stdin_reader(queue)
        commands = asyncio.ensure_future(self.command_loop(queue))
        try:
            await asyncio.wait_for(self.quit.wait(), timeout=self.args.timeout)
            reason = "quit"
        except asyncio.TimeoutError:
            reason = "timeout"
        commands.cancel()
        self.tone_stop.set()
        for task in list(self.tasks) + list(self.audio_tasks.values()) + ([self.tone_task] if self.tone_task else []):
            task.cancel()
        try:
            await asyncio.wait_for(self.room.disconnect(), timeout=10)
        except Exception as e:
            emit("error", stage="disconnect", message=f"{type(e).__name__}: {e}")
        emit("left", reason=reason)
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--timeout", type=float, default=300, help="leave after this many seconds")
    parser.add_argument("--detect", default="", help="comma-separated frequencies (Hz) to detect on remote audio")
    parser.add_argument("--threshold", type=float, default=0.5, help="energy share at the frequency that counts")
    parser.add_argument("--consecutive", type=int, default=3, help="windows in a row above threshold")
    parser.add_argument("--window-ms", type=int, default=100, help="Goertzel window, slid every 10 ms")
    parser.add_argument("--silence-rms", type=float, default=0.003, help="RMS below which audio is silence")
    parser.add_argument("--stats-ms", type=int, default=1000, help="audio_stats period; 0 = never")
    parser.add_argument("--tone", type=float, default=0, help="publish a tone at this frequency right after joining")
    parser.add_argument("--tone-seconds", type=float, default=0, help="tone length; 0 = until stop_tone")
    parser.add_argument("--silence-ms", type=int, default=0, help="silence before the tone (onset mode)")
    parser.add_argument("--queue-ms", type=int, default=100, help="AudioSource queue size")
    parser.add_argument("--lead-ms", type=int, default=20, help="how far ahead of real time frames are captured")
    parser.add_argument("--text-topics", default="test,lk.chat,lk.transcription", help="topics to receive")
    parser.add_argument("--byte-topics", default="bytes", help="byte stream topics to receive")
    parser.add_argument("--echo-text", action="store_true", help="echo received text streams on the same topic")
    parser.add_argument("--max-text-echo", type=int, default=2000, help="include texts up to this length in events")
    parser.add_argument("--attributes", default="", help="k=v,k2=v2 set right after joining")
    args = parser.parse_args()

    async def amain() -> int:
        return await Peer(args).run()

    return asyncio.run(amain())


if __name__ == "__main__":
    sys.exit(main())
