"""Test-session settings: under CI, hypothesis draws the same examples on every run, so a
red build is reproducible and never depends on luck."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
