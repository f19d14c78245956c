"""One exception tree for the whole project.

    CeasewatchError                 every error a user can act on
    ├── ConfigError                 bad setting, bad config file
    ├── InputError                  a file or record that cannot be ingested
    │   ├── DocumentTooLarge        over a size limit (file, field, nesting)
    │   ├── InvalidField            one field of a record does not validate
    │   └── UnsafeInput             an input built to exhaust the reader (YAML aliases, XML entities)
    ├── ExtractionError             an extractor failed on a document
    ├── GeocodeError                gazetteer missing or unreadable
    ├── AgreementError              an agreement file does not validate
    ├── StoreError                  database unreachable, schema too new/old
    │   └── NotFound                no such document / claim / incident
    ├── AuthError                   not logged in, bad password or token (401)
    │   ├── Forbidden               logged in, but the role may not do this (403)
    │   └── TooManyAttempts         login rate limit reached (429)
    ├── DeliveryError               an alert could not be delivered (webhook, SMTP); `permanent` when retrying cannot help
    └── NotAvailable                capability not built yet (CLI exits 2)

Every error has a short `code` (like spaCy's E-codes) and a `hint` that says
what to do next. Library code raises; only the CLI turns errors into exit
codes, and only the API turns them into HTTP responses.
"""

from __future__ import annotations

__all__ = [
    "CeasewatchError",
    "ConfigError",
    "InputError",
    "DocumentTooLarge",
    "InvalidField",
    "UnsafeInput",
    "ExtractionError",
    "GeocodeError",
    "AgreementError",
    "StoreError",
    "NotFound",
    "AuthError",
    "Forbidden",
    "TooManyAttempts",
    "NotAvailable",
    "DeliveryError",
]


class CeasewatchError(Exception):
    """Base of every ceasewatch error."""

    code = "CW000"
    status = 500  # HTTP status the API uses for this error

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        source: str | None = None,
        location: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.source = source  # a file path, URL or record id
        self.location = location  # a line, key or field inside the source

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}"
            if self.location:
                where += f" ({self.location})"
            where += ": "
        text = f"[{self.code}] {where}{self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "source": self.source,
            "location": self.location,
        }


class ConfigError(CeasewatchError):
    code = "CW100"
    status = 400


class InputError(CeasewatchError):
    code = "CW200"
    status = 400


class DocumentTooLarge(InputError):
    code = "CW201"
    status = 413


class InvalidField(InputError):
    """A field of a record (a JSONL line, a sidecar, front matter, a Telegram
    message) does not validate; `field` names it and `location` says where
    the record is ("line 3, field published")."""

    code = "CW202"

    def __init__(self, message: str, *, field: str | None = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.field = field


class UnsafeInput(InputError):
    """An input that would make its parser blow up: YAML aliases, XML
    document type declarations and entities (billion laughs, external entities)."""

    code = "CW203"


class ExtractionError(CeasewatchError):
    code = "CW300"


class GeocodeError(CeasewatchError):
    code = "CW400"


class AgreementError(CeasewatchError):
    code = "CW500"
    status = 400


class StoreError(CeasewatchError):
    code = "CW600"


class NotFound(StoreError):
    code = "CW604"
    status = 404


class DeliveryError(CeasewatchError):
    """One attempt to deliver an alert failed; `permanent` when trying again
    cannot help (the receiver refused it: HTTP 400, a refused recipient)."""

    code = "CW700"

    def __init__(self, message: str, *, permanent: bool = False, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.permanent = permanent


class AuthError(CeasewatchError):
    code = "CW800"
    status = 401


class Forbidden(AuthError):
    code = "CW803"
    status = 403


class TooManyAttempts(AuthError):
    code = "CW829"
    status = 429


class NotAvailable(CeasewatchError):
    code = "CW900"
    status = 501
