"""What makes two runs of the sample writers write the same bytes: reportlab's invariant mode,
fixed document properties and a zip rewritten with sorted members and fixed timestamps.

Importing this module sets the invariant mode, so every writer imports it before drawing a PDF.
"""

from __future__ import annotations

import datetime
import io
import zipfile

from reportlab import rl_config

rl_config.invariant = 1  # fixed creation date and document id: byte-stable PDFs

FIXED_TIME = datetime.datetime(2024, 1, 15, 9, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
AUTHOR = "Periodic report team"


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with sorted members and fixed timestamps/attributes ([Content_Types].xml sorts first)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
