"""The Python side of the workers benchmark (bench/README.md, WorkersBenchmark): a livekit-agents
worker with an agent name (explicit dispatch only) whose entrypoint joins the room, subscribed to
audio, and then idles until the room ends or the job is shut down.

Run as `python minimal_agent.py start` with LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET set;
BENCH_AGENT_NAME names the agent (default "bench-python"). Everything about job processes is the
SDK's default for `start` (production mode): each job runs in its own process, forked from a
forkserver, and a pool of prewarmed idle processes waits for the next jobs. Two settings differ from
the defaults, and the Java worker in the benchmark is set the same way: the worker reports a load of
0 and has no load threshold, because on a small shared machine the system CPU (the default load)
alone can reach the threshold, or 1.0, at which livekit-server offers the worker nothing and the
dispatch is lost; with one worker per agent name the load has no other effect. And the health server
listens on a free port instead of 8081.
"""

import asyncio
import math
import os

from livekit import rtc
from livekit.agents import AgentServer, AutoSubscribe, JobContext, cli



def no_load() -> float:
    return 0.0


server = AgentServer(load_threshold=math.inf, load_fnc=no_load, port=0)


@server.rtc_session(agent_name=os.environ.get("BENCH_AGENT_NAME", "bench-python"))
async def entrypoint(ctx: JobContext) -> None:
    await ctx.connect(auto_subscribe=AutoSubscribe.AUDIO_ONLY)
    ended = asyncio.Event()

    def on_disconnected(*_: object) -> None:
        ended.set()

    ctx.room.on("disconnected", on_disconnected)
    if ctx.room.connection_state != rtc.ConnectionState.CONN_CONNECTED:
        ended.set()
    # The job is cancelled here when it is shut down (dispatch deleted, room deleted, worker closed).
    await ended.wait()


if __name__ == "__main__":
    cli.run_app(server)
