"""Accounts in the store: users, API tokens, sessions and failed logins
(mixed into `SqlRepository`). Password hashing and the rules of logging in
are in `ceasewatch.accounts`; this module only keeps hashes.

Every change of a user or a token is an audit event in the same
transaction (store/audit.py). Sessions and failed logins are not: they are
what logging in does, not decisions.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from ..errors import InputError, NotFound
from ..model import ROLES, User
from . import audit
from . import review_schema as rs

__all__ = ["AccountStore", "secret_hash", "TOKEN_PREFIX"]

TOKEN_PREFIX = "cwt_"


def secret_hash(secret: str) -> str:
    """SHA-256 of a random secret (256 bits: no slow hash needed)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _user(row: Any) -> User:
    return User(name=row.name, role=row.role, disabled=bool(row.disabled),
                created=datetime.fromisoformat(row.created) if row.created else None)


class AccountStore:
    """Mixed into SqlRepository, which provides `_write`, `_read`, `_check_text`."""

    _write: Any
    _read: Any

    # -- users --------------------------------------------------------------
    def add_user(self, name: str, role: str, password_hash: str, *, actor: str) -> User:
        if role not in ROLES:
            raise InputError(f"no role {role!r}", location="role", hint="one of " + ", ".join(ROLES))
        with self._write() as conn:
            if conn.execute(select(rs.users.c.name).where(rs.users.c.name == name)).first() is not None:
                raise InputError(f"user {name!r} exists", location="name",
                                 hint="choose another name, or disable the old account first")
            created = _now()
            conn.execute(insert(rs.users).values(name=name, role=role, password_hash=password_hash,
                                                 disabled=False, created=created))
            audit.append(conn, actor=actor, action="user.add", subject=f"user:{name}",
                         after={"name": name, "role": role})
        return User(name, role, False, datetime.fromisoformat(created))

    def get_user(self, name: str) -> User | None:
        with self._read() as conn:
            row = conn.execute(select(rs.users).where(rs.users.c.name == name)).first()
        return _user(row) if row else None

    def password_hash(self, name: str) -> str | None:
        with self._read() as conn:
            return conn.execute(select(rs.users.c.password_hash).where(rs.users.c.name == name)).scalar()

    def set_password_hash(self, name: str, password_hash: str) -> None:
        """A rehash at login (argon2 parameters raised); not a decision, so not audited."""
        with self._write() as conn:
            conn.execute(update(rs.users).where(rs.users.c.name == name).values(password_hash=password_hash))

    def list_users(self) -> list[User]:
        with self._read() as conn:
            return [_user(r) for r in conn.execute(select(rs.users).order_by(rs.users.c.name))]

    def active_user_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(rs.users)
                                    .where(rs.users.c.disabled.is_(False))).scalar_one())

    def disable_user(self, name: str, *, actor: str, reason: str = "") -> None:
        """Disable the account, end its sessions and revoke its tokens."""
        with self._write() as conn:
            row = conn.execute(select(rs.users).where(rs.users.c.name == name)).first()
            if row is None:
                raise NotFound(f"no user {name!r}", source=name, hint="list them with `ceasewatch users list`")
            conn.execute(update(rs.users).where(rs.users.c.name == name).values(disabled=True))
            conn.execute(delete(rs.sessions).where(rs.sessions.c.user_name == name))
            conn.execute(update(rs.api_tokens).where(rs.api_tokens.c.user_name == name,
                                                     rs.api_tokens.c.revoked.is_(None)).values(revoked=_now()))
            audit.append(conn, actor=actor, action="user.disable", subject=f"user:{name}",
                         before={"disabled": bool(row.disabled)}, after={"disabled": True}, reason=reason)

    # -- API tokens -----------------------------------------------------------
    def create_token(self, user: str, label: str, *, actor: str) -> tuple[str, str]:
        """(token id, the secret to give the user once); the secret is kept only hashed."""
        found = self.get_user(user)
        if found is None or found.disabled:
            raise NotFound(f"no active user {user!r}", source=user, hint="add it with `ceasewatch users add`")
        token_id = "tok_" + secrets.token_hex(6)
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._write() as conn:
            conn.execute(insert(rs.api_tokens).values(id=token_id, user_name=user, secret_hash=secret_hash(secret),
                                                      label=label, created=_now(), revoked=None))
            audit.append(conn, actor=actor, action="token.create", subject=f"token:{token_id}",
                         after={"user": user, "label": label})
        return token_id, secret

    def token_user(self, secret: str) -> User | None:
        """The active user of an unrevoked token, else None."""
        t, u = rs.api_tokens.c, rs.users.c
        with self._read() as conn:
            row = conn.execute(
                select(rs.users).join(rs.api_tokens, t.user_name == u.name)
                .where(t.secret_hash == secret_hash(secret), t.revoked.is_(None))
            ).first()
        return _user(row) if row and not row.disabled else None

    def revoke_token(self, token_id: str, *, actor: str, reason: str = "") -> None:
        t = rs.api_tokens.c
        with self._write() as conn:
            row = conn.execute(select(rs.api_tokens).where(t.id == token_id)).first()
            if row is None:
                raise NotFound(f"no token {token_id!r}", source=token_id, hint="list them with `ceasewatch tokens list`")
            if row.revoked is None:
                conn.execute(update(rs.api_tokens).where(t.id == token_id).values(revoked=_now()))
                audit.append(conn, actor=actor, action="token.revoke", subject=f"token:{token_id}",
                             before={"revoked": None}, after={"revoked": True, "user": row.user_name}, reason=reason)

    def list_tokens(self) -> list[dict[str, Any]]:
        t = rs.api_tokens.c
        with self._read() as conn:
            rows = conn.execute(select(t.id, t.user_name, t.label, t.created, t.revoked).order_by(t.created, t.id))
            return [dict(r._mapping) for r in rows]

    # -- sessions -------------------------------------------------------------
    def create_session(self, user: str, *, ttl_s: int) -> tuple[str, str]:
        """(session id for the cookie, CSRF token for the forms)."""
        sid, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = int(time.time())
        with self._write() as conn:
            conn.execute(delete(rs.sessions).where(rs.sessions.c.expires < now))  # sweep expired ones
            conn.execute(insert(rs.sessions).values(id_hash=secret_hash(sid), user_name=user, csrf=csrf,
                                                    expires=now + ttl_s))
        return sid, csrf

    def session(self, sid: str) -> tuple[User, str] | None:
        """(user, CSRF token) of a live session of an active user."""
        st, u = rs.sessions.c, rs.users.c
        with self._read() as conn:
            row = conn.execute(
                select(rs.users, st.csrf).join(rs.sessions, st.user_name == u.name)
                .where(st.id_hash == secret_hash(sid), st.expires >= int(time.time()))
            ).first()
        if row is None or row.disabled:
            return None
        return _user(row), row.csrf

    def end_session(self, sid: str) -> None:
        with self._write() as conn:
            conn.execute(delete(rs.sessions).where(rs.sessions.c.id_hash == secret_hash(sid)))

    # -- failed logins ----------------------------------------------------------
    def note_login_failure(self, *keys: str) -> None:
        now = int(time.time())
        with self._write() as conn:
            conn.execute(delete(rs.login_failures).where(rs.login_failures.c.at < now - 86_400))
            conn.execute(insert(rs.login_failures), [{"key": k[:300], "at": now} for k in keys])

    def login_failures_since(self, key: str, since: int) -> int:
        f = rs.login_failures.c
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(rs.login_failures)
                                    .where(f.key == key[:300], f.at >= since)).scalar_one())

    def clear_login_failures(self, key: str) -> None:
        with self._write() as conn:
            conn.execute(delete(rs.login_failures).where(rs.login_failures.c.key == key[:300]))

    # -- audit ------------------------------------------------------------------
    def record_event(self, *, actor: str, action: str, subject: str, before: Any = None, after: Any = None,
                     reason: str = "") -> audit.AuditEvent:
        """One audit event in a transaction of its own (imports, extraction, assess runs)."""
        with self._write() as conn:
            return audit.append(conn, actor=actor, action=action, subject=subject, before=before, after=after,
                                reason=reason)

    def audit_events(self, *, after: int = 0) -> Iterator[audit.AuditEvent]:
        """Every event, in order, read a batch per transaction."""
        while True:
            with self._read() as conn:
                batch = audit.read_batch(conn, after=after, batch=1000)
            yield from batch
            if len(batch) < 1000:
                return
            after = batch[-1].seq

    def verify_audit(self) -> tuple[int, audit.ChainProblem | None]:
        with self._read() as conn:
            return audit.verify(conn)
