"""`qpr keys` and the intake service's key check (flows/api_keys.py): a key is shown once and
stored as a hash, each role bound as the service needs it, a revoked or forged key no key."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.api_keys import authenticate, load_keys
from flows.cli import main

USAGE = 2


def qpr_keys(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["keys", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def add(capsys: pytest.CaptureFixture[str], keys: Path, *options: str) -> str:
    code, out, err = qpr_keys(capsys, "add", *options, "--file", str(keys))
    assert code == 0, err
    return out.splitlines()[0]


def test_a_key_is_shown_once_and_only_its_hash_is_stored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    keys = tmp_path / "keys.toml"
    key = add(capsys, keys, "--role", "submitter", "--party", "ken")
    stored = keys.read_text(encoding="utf-8")
    secret = key.rsplit("_", 1)[1]
    assert secret not in stored and key not in stored
    (entry,) = load_keys(keys)
    assert (entry.role, entry.party) == ("submitter", "KEN")
    assert authenticate(load_keys(keys), key) == entry
    code, listed, _ = qpr_keys(capsys, "list", "--file", str(keys))
    assert code == 0 and entry.id in listed and "KEN" in listed and secret not in listed


def test_forged_and_revoked_keys_are_no_keys(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    keys = tmp_path / "keys.toml"
    secretariat = add(capsys, keys, "--role", "secretariat")
    reader = add(capsys, keys, "--role", "reader")
    stored = load_keys(keys)
    assert [getattr(authenticate(stored, key), "role", None) for key in (secretariat, reader)] == [
        "secretariat",
        "reader",
    ]
    forged = secretariat[:-4] + ("AAAA" if not secretariat.endswith("AAAA") else "BBBB")
    other_id = "qpr_00000000_" + secretariat.rsplit("_", 1)[1]
    assert [authenticate(stored, key) for key in (forged, other_id, "", None, "Bearer x")] == [
        None
    ] * 5
    reader_id = reader.split("_")[1]
    code, out, _ = qpr_keys(capsys, "revoke", reader_id, "--file", str(keys))
    assert code == 0 and "revoked" in out
    assert authenticate(load_keys(keys), reader) is None
    assert authenticate(load_keys(keys), secretariat) is not None


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("--role", "submitter"), "bound to one Party"),
        (("--role", "reader", "--party", "KEN"), "not bound to a Party"),
        (("--role", "submitter", "--party", "Kenya"), "alpha-3"),
    ],
)
def test_a_key_that_cannot_be_bound_as_asked_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: tuple[str, ...], said: str
) -> None:
    keys = tmp_path / "keys.toml"
    code, _, err = qpr_keys(capsys, "add", *options, "--file", str(keys))
    assert code == USAGE and said in err and "Traceback" not in err
    assert not keys.exists()


def test_revoking_an_unknown_key_and_a_broken_file_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    keys = tmp_path / "keys.toml"
    code, _, err = qpr_keys(capsys, "revoke", "deadbeef", "--file", str(keys))
    assert code == USAGE and "no key 'deadbeef'" in err
    keys.write_text("[[keys]]\nid = 1\n", encoding="utf-8")
    code, _, err = qpr_keys(capsys, "list", "--file", str(keys))
    assert code == USAGE and "is not a qpr keys file" in err
