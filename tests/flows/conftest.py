"""Flow tests run Prefect for real, on the session's one temporary Prefect API (tests/conftest.py)."""
