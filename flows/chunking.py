"""How the documents to extract are cut into chunks, one Prefect task run each.

A Prefect task run costs about 30 ms of CPU in the driver, and more in the API: documents go
to workers in chunks, bounded in count and in bytes so a worker never holds a whole archive,
and cut so that each worker gets several (an even spread, and progress to watch). The driver's
memory grows with the chunk's size, not only while it is in flight: through 10,000 documents
its peak was 442 MiB with chunks of 256, 347 MiB with 64 or 32 (flat until the outputs).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.pending import Pending

CHUNK_DOCUMENTS = 64
CHUNK_BYTES = 32 * 2**20
CHUNKS_PER_WORKER = 8
# Chunks in flight per worker: enough to keep every worker busy, few enough that the driver's
# memory does not grow with the archive.
CHUNKS_IN_FLIGHT_PER_WORKER = 2


def chunk_documents(count: int, workers: int) -> int:
    """Documents per chunk: CHUNKS_PER_WORKER chunks for each worker, within the bounds."""
    even = math.ceil(count / (max(1, workers) * CHUNKS_PER_WORKER))
    return max(1, min(CHUNK_DOCUMENTS, even))


def chunks(pending: list[Pending], documents: int) -> Iterator[list[Pending]]:
    """`pending` in order, cut every `documents` inputs or before CHUNK_BYTES would be passed."""
    chunk: list[Pending] = []
    size = 0
    for item in pending:
        if chunk and (len(chunk) == documents or size + item.source.size > CHUNK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += item.source.size
    if chunk:
        yield chunk
