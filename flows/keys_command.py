"""`qpr keys add | list | revoke`: the intake service's API keys (flows/api_keys.py). A new key
is printed once and only its hash is stored; `list` shows ids, roles and Parties, never a
secret."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from flows.api_keys import ROLES, KeysError, load_keys, new_key, save_keys
from flows.exit_status import OK, USAGE, CommandError

DEFAULT_FILE = Path("keys.toml")


def add_keys_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = commands.add_parser("keys", help="make, list and revoke the intake service's API keys")
    actions = keys.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="make a key: printed once, its hash stored")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--party", metavar="ISO3", help="the Party a submitter key is bound to")
    listing = actions.add_parser("list", help="the keys: id, role, Party, day made")
    revoke = actions.add_parser("revoke", help="remove a key (by its id, as `list` shows it)")
    revoke.add_argument("id", metavar="ID")
    for action in (add, listing, revoke):
        action.add_argument(
            "--file",
            type=Path,
            default=DEFAULT_FILE,
            help=f"the keys file (default {DEFAULT_FILE})",
        )
    keys.set_defaults(run=_keys)


def _keys(arguments: argparse.Namespace) -> int:
    try:
        stored = load_keys(arguments.file)
        if arguments.action == "add":
            party = arguments.party.upper() if arguments.party else None
            today = time.strftime("%Y-%m-%d", time.gmtime())
            key, entry = new_key(arguments.role, party, today, {k.id for k in stored})
            save_keys(arguments.file, [*stored, entry])
            print(key)
            print(f"# {entry.role} key {entry.id} stored in {arguments.file}; keep the key above:")
            print("# it is shown this once.")
        elif arguments.action == "list":
            for entry in stored:
                print(f"{entry.id}  {entry.role:<11}  {entry.party or '-':<4}  {entry.created}")
        else:
            kept = [entry for entry in stored if entry.id != arguments.id]
            if len(kept) == len(stored):
                raise KeysError(f"no key '{arguments.id}' in {arguments.file}")
            save_keys(arguments.file, kept)
            print(f"key {arguments.id} revoked")
    except KeysError as error:
        raise CommandError(str(error), USAGE) from None
    return OK
