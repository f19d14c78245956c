"""`ceasewatch users add|list|disable`, `ceasewatch tokens create|list|revoke`
and `ceasewatch audit verify|export`: thin over `ceasewatch.accounts`, the
store's accounts and audit trail, and `report.bundle`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from ..audit import local_actor as cli_actor
from ..errors import InputError
from .app import app, console, emit_json, err_console, handle_errors, state

__all__ = ["users_app", "tokens_app", "audit_app"]

users_app = typer.Typer(name="users", help="Accounts: viewer (read), analyst (review), admin.", no_args_is_help=True)
tokens_app = typer.Typer(name="tokens", help="API tokens: stored hashed, revocable.", no_args_is_help=True)
audit_app = typer.Typer(name="audit", help="The hash-chained audit trail: verify it, export it.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")
app.add_typer(audit_app, name="audit")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt("password", hide_input=True)
    if typer.prompt("again", hide_input=True) != first:
        raise InputError("the two passwords differ", location="password", hint="type the same one twice")
    return first


@users_app.command("add")
@handle_errors
def users_add_cli(
    name: str = typer.Argument(..., help="User name."),
    role: str = typer.Option("viewer", "--role", help="viewer, analyst or admin."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin (scripts)."),
) -> None:
    """Add an account; the password is asked twice (or read from stdin).

    Example: ceasewatch users add olena --role analyst
    """
    from ..accounts import add_user

    password = _read_password(password_stdin)
    with state.open_store() as store:
        user = add_user(store, name, role, password, actor=cli_actor())
    console.print(f"added {user.name} ({user.role})", highlight=False)


@users_app.command("list")
@handle_errors
def users_list_cli(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """List accounts.

    Example: ceasewatch users list
    """
    with state.open_store() as store:
        users = store.list_users()
    if as_json:
        emit_json([{"name": u.name, "role": u.role, "disabled": u.disabled, "created": u.created} for u in users])
        return
    table = Table("name", "role", "state", "created", box=None)
    for u in users:
        table.add_row(u.name, u.role, "disabled" if u.disabled else "active", str(u.created or ""))
    console.print(table)


@users_app.command("disable")
@handle_errors
def users_disable_cli(
    name: str = typer.Argument(..., help="User name."),
    reason: str = typer.Option("", "--reason", help="Why (kept in the audit trail)."),
) -> None:
    """Disable an account: its sessions end and its tokens are revoked.

    Example: ceasewatch users disable olena --reason "left the mission"
    """
    with state.open_store() as store:
        store.disable_user(name, actor=cli_actor(), reason=reason)
    console.print(f"disabled {name}", highlight=False)


@tokens_app.command("create")
@handle_errors
def tokens_create_cli(
    user: str = typer.Argument(..., help="The account the token acts as."),
    label: str = typer.Option("", "--label", help="What the token is for."),
) -> None:
    """Create an API token (shown once; send it as `Authorization: Bearer TOKEN`).

    Example: ceasewatch tokens create olena --label "review script"
    """
    with state.open_store() as store:
        token_id, secret = store.create_token(user, label[:200], actor=cli_actor())
    err_console.print(f"token {token_id} for {user}; it is shown only now:", highlight=False)
    sys.stdout.write(secret + "\n")


@tokens_app.command("list")
@handle_errors
def tokens_list_cli(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """List API tokens (never their secrets).

    Example: ceasewatch tokens list
    """
    with state.open_store() as store:
        tokens = store.list_tokens()
    if as_json:
        emit_json(tokens)
        return
    table = Table("id", "user", "label", "created", "revoked", box=None)
    for t in tokens:
        table.add_row(t["id"], t["user_name"], t["label"], t["created"], t["revoked"] or "")
    console.print(table)


@tokens_app.command("revoke")
@handle_errors
def tokens_revoke_cli(
    token_id: str = typer.Argument(..., help="Token id (tok_...)."),
    reason: str = typer.Option("", "--reason", help="Why (kept in the audit trail)."),
) -> None:
    """Revoke an API token.

    Example: ceasewatch tokens revoke tok_1a2b3c4d5e6f
    """
    with state.open_store() as store:
        store.revoke_token(token_id, actor=cli_actor(), reason=reason)
    console.print(f"revoked {token_id}", highlight=False)


@audit_app.command("verify")
@handle_errors
def audit_verify_cli(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Check the audit chain; exit 1 naming the first edited, inserted or deleted event.

    Example: ceasewatch audit verify
    """
    with state.open_store() as store:
        count, problem = store.verify_audit()
    if as_json:
        emit_json({"events": count, "ok": problem is None,
                   "problem": problem and {"seq": problem.seq, "kind": problem.kind, "message": problem.message}})
    elif problem is None:
        console.print(f"audit trail verified: {count} events, chain intact", highlight=False)
    else:
        err_console.print(f"[red]audit trail broken at event {problem.seq} ({problem.kind}):[/red] {problem.message}",
                          highlight=False, soft_wrap=True)
    if problem is not None:
        raise typer.Exit(1)


@audit_app.command("export")
@handle_errors
def audit_export_cli(
    output: Path = typer.Option(..., "-o", "--output", help="JSONL file to write."),
    signed_off_by: str = typer.Option(None, "--signed-off-by", help="Who signs the bundle off (default: you)."),
) -> None:
    """Write the events, the claims and verdicts they touched, and a seal, as JSONL.

    Example: ceasewatch audit export -o night-2025-03-19.jsonl --signed-off-by "head of mission"
    """
    from ..audit import export_bundle

    with state.open_store() as store, output.open("w", encoding="utf-8") as out:
        header = export_bundle(store, out, signed_off_by=signed_off_by or cli_actor())
    state_word = "verified" if header["verified"] else "NOT verified"
    err_console.print(f"exported {header['events']} events to {output} (chain {state_word}, head {header['head']})",
                      highlight=False)
    if not header["verified"]:
        raise typer.Exit(1)
