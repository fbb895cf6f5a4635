"""The socket `qpr serve-api` binds itself (so that a port in use is a sentence) must give
connections that send at once: asyncio turns Nagle's algorithm off only on sockets whose
protocol says TCP, and a response written in two parts then waited for the client's delayed
ACK, 40 ms on every request of a kept-alive connection."""

from __future__ import annotations

import asyncio
import socket

from flows.serve_api_command import _bind


def test_the_connections_the_service_accepts_have_nagle_off() -> None:
    listening = _bind("127.0.0.1", 0)

    async def accept_one() -> int:
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_client, sock=listening)  # as uvicorn serves it
        async with server:
            _, writer = await asyncio.open_connection(*listening.getsockname()[:2])
            value = await asyncio.wait_for(accepted, 10)
            writer.close()
            return value

    assert asyncio.run(accept_one()) != 0
