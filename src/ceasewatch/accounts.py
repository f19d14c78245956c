"""Accounts: roles, argon2 password hashes, API tokens and logging in.

    viewer    reads (when the server is writable, every page needs an account)
    analyst   reviews: confirms, corrects and rejects claim fields, overrides verdicts
    admin     agreements, users and API tokens

Passwords are hashed with argon2id (`argon2-cffi`, its default parameters)
and rehashed at login when those parameters change. Logins are rate
limited per account and per client address: after `MAX_FAILURES` failures
for an account (`MAX_CLIENT_FAILURES` from an address) within `WINDOW_S`
seconds, further attempts are refused with 429 until the window passes,
whether the password is right or not (so guessing gains nothing). The failures are kept in the store, so every server worker
counts them together.

The store keeps only hashes (store/accounts.py); this module decides.
"""

from __future__ import annotations

import re
import time
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import AuthError, InputError, TooManyAttempts
from .model import ROLES, User

__all__ = [
    "ROLES", "MAX_FAILURES", "MAX_CLIENT_FAILURES", "WINDOW_S", "SESSION_TTL_S", "MIN_PASSWORD", "check_name", "check_password",
    "hash_password", "add_user", "login", "user_for_token",
]

MAX_FAILURES = 5
# Per client address, higher: behind a proxy on the same machine every login comes from 127.0.0.1, and
# one person's typos must not lock the whole mission out.
MAX_CLIENT_FAILURES = 20
WINDOW_S = 300
SESSION_TTL_S = 12 * 3600
MIN_PASSWORD = 12
MAX_PASSWORD = 1024  # argon2 of a huge password is a cheap way to burn a server's CPU
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_hasher = PasswordHasher()


def check_name(name: str) -> str:
    if not _NAME.match(name or ""):
        raise InputError(f"not a user name: {name[:70]!r}", location="name",
                         hint="1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
    return name


def check_password(password: str) -> str:
    if not (MIN_PASSWORD <= len(password) <= MAX_PASSWORD):
        raise InputError(f"a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters", location="password",
                         hint="use a passphrase of several words")
    return password


def hash_password(password: str) -> str:
    return _hasher.hash(check_password(password))


def add_user(store: Any, name: str, role: str, password: str, *, actor: str) -> User:
    if role not in ROLES:
        raise InputError(f"no role {role!r}", location="role", hint="one of " + ", ".join(ROLES))
    return store.add_user(check_name(name), role, hash_password(password), actor=actor)


def _throttled(store: Any, keys: tuple[str, ...]) -> bool:
    since = int(time.time()) - WINDOW_S
    user_key, client_key = keys
    return (store.login_failures_since(user_key, since) >= MAX_FAILURES
            or store.login_failures_since(client_key, since) >= MAX_CLIENT_FAILURES)


def login(store: Any, name: str, password: str, *, client: str) -> User:
    """The user whose password this is; `AuthError` otherwise (the same
    message for an unknown name and a wrong password), `TooManyAttempts`
    once the rate limit is reached."""
    keys = (f"user:{name[:100]}", f"client:{client}")
    if _throttled(store, keys):
        raise TooManyAttempts(f"too many failed logins; wait {WINDOW_S // 60} minutes",
                              hint="ask an admin to check the account if you forgot the password")
    stored = store.password_hash(name) if _NAME.match(name or "") and len(password) <= MAX_PASSWORD else None
    user = store.get_user(name) if stored else None
    ok = False
    if stored and user is not None and not user.disabled:
        try:
            ok = _hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
    else:
        _hasher.hash("x" * MIN_PASSWORD)  # as slow as a real check: timing does not tell names apart
    if not ok or user is None:
        store.note_login_failure(*keys)
        raise AuthError("wrong user name or password", hint="check both; accounts are made by an admin "
                        "(`ceasewatch users add`)")
    if _hasher.check_needs_rehash(stored):
        store.set_password_hash(name, _hasher.hash(password))
    store.clear_login_failures(keys[0])
    return user


def user_for_token(store: Any, secret: str) -> User:
    user = store.token_user(secret) if 0 < len(secret) <= 200 else None
    if user is None:
        raise AuthError("the API token is unknown or revoked", location="header.authorization",
                        hint="ask an admin for a token (`ceasewatch tokens create`)")
    return user
