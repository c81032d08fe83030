"""The Python side of the voice benchmark (bench/README.md, VoiceBenchmark): a livekit-agents worker
whose jobs run an AgentSession with the framework's own OpenAI plugin (STT, LLM, TTS) pointed at the
benchmark's fake OpenAI servers, and its Silero VAD, in the room the job joined, answering the first
caller.

Run as `python voice_agent.py start` with LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET set;
BENCH_AGENT_NAME names the agent (default "bench-python-voice"). The job's metadata (JSON) carries the
fake servers' base URLs, their API key, the VAD's minimum silence and the minimum endpointing delay
(the same values the Java agent gets).

Configured like the Java agent: turn detection by VAD, fixed endpointing with that minimum delay,
interruptions by VAD, no preemptive generation, German recognition (one-shot transcriptions of the
VAD's utterances, as livekit-agents does for a non-streaming STT), speech in OpenAI's raw `pcm` format
(24 kHz), no greeting. Everything else is the SDK's default, as in minimal_agent.py: a process per job
from a forkserver with prewarmed idle processes; the worker reports a load of 0 with no threshold,
and its health server takes a free port. The Silero model is loaded once per job process, in the
setup function that prewarms it, as the SDK recommends.
"""

import json
import math
import os

from livekit.agents import (
    Agent,
    AgentServer,
    AgentSession,
    AutoSubscribe,
    JobContext,
    JobProcess,
    TurnHandlingOptions,
    cli,
    room_io,
)
from livekit.plugins import openai, silero


def no_load() -> float:
    return 0.0


def prewarm(proc: JobProcess) -> None:
    min_silence = float(os.environ.get("BENCH_VAD_MIN_SILENCE", "0.3"))
    proc.userdata["vad"] = silero.VAD.load(min_silence_duration=min_silence)


server = AgentServer(
    load_threshold=math.inf,
    load_fnc=no_load,
    port=0,
    setup_fnc=prewarm,
    # on a loaded 2-core machine loading onnxruntime and the model can take longer than the 10 s default
    initialize_process_timeout=60.0,
)


@server.rtc_session(agent_name=os.environ.get("BENCH_AGENT_NAME", "bench-python-voice"))
async def entrypoint(ctx: JobContext) -> None:
    config = json.loads(ctx.job.metadata)
    vad = ctx.proc.userdata["vad"]
    vad.update_options(min_silence_duration=config["vad_min_silence"])
    key = config["api_key"]
    session = AgentSession(
        vad=vad,
        stt=openai.STT(
            model="gpt-4o-mini-transcribe",
            language="de",
            base_url=config["stt_url"],
            api_key=key,
            use_realtime=False,
        ),
        llm=openai.LLM(model="gpt-4o-mini", base_url=config["llm_url"], api_key=key),
        tts=openai.TTS(
            model="gpt-4o-mini-tts",
            voice="ash",
            base_url=config["tts_url"],
            api_key=key,
            response_format="pcm",
        ),
        turn_handling=TurnHandlingOptions(
            turn_detection="vad",
            endpointing={"mode": "fixed", "min_delay": config["min_endpointing"], "max_delay": 3.0},
            interruption={"mode": "vad"},
            preemptive_generation={"enabled": False},
        ),
        # Sofia has no echo warm-up; it only concerns interruptions, which the benchmark never makes
        aec_warmup_duration=None,
    )
    await ctx.connect(auto_subscribe=AutoSubscribe.AUDIO_ONLY)
    await session.start(
        agent=Agent(instructions="Sie sind Sofia, die Rezeption einer Arztpraxis. Antworten Sie kurz."),
        room=ctx.room,
        room_options=room_io.RoomOptions(participant_identity="caller"),
    )


if __name__ == "__main__":
    cli.run_app(server)
