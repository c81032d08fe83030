"""A caller peer for integration tests, on the official LiveKit Python SDK.

Usage: python join_room.py <url> <token> <seconds>

Joins the room the token is for, prints "joined <identity>", stays until <seconds> have passed or
a line arrives on stdin (whichever is first), disconnects and prints "left". Exits non-zero if it
cannot join.
"""

import asyncio
import sys
import threading

from livekit import rtc


async def main(url: str, token: str, seconds: float) -> int:
    room = rtc.Room()
    try:
        await room.connect(url, token)
    except Exception as e:  # noqa: BLE001 - any failure to join is reported the same way
        print(f"failed {type(e).__name__}: {e}", flush=True)
        return 2
    print(f"joined {room.local_participant.identity}", flush=True)
    loop = asyncio.get_running_loop()
    leave = asyncio.Event()

    def watch_stdin() -> None:
        sys.stdin.readline()
        loop.call_soon_threadsafe(leave.set)

    # A daemon thread, not the loop's executor: asyncio.run would wait for a blocked executor.
    threading.Thread(target=watch_stdin, daemon=True).start()
    try:
        await asyncio.wait_for(leave.wait(), timeout=seconds)
    except asyncio.TimeoutError:
        pass
    await room.disconnect()
    print("left", flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print("usage: join_room.py <url> <token> <seconds>", file=sys.stderr)
        sys.exit(64)
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3]))))
