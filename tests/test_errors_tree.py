"""One exception tree with codes and hints; the public surface is pinned."""

from __future__ import annotations

import ceasewatch
from ceasewatch import errors


def test_errors_all_derive_from_base_and_have_unique_codes() -> None:
    classes = [getattr(errors, name) for name in errors.__all__]
    assert all(issubclass(c, errors.CeasewatchError) for c in classes)
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))


def test_errors_message_names_source_location_and_hint() -> None:
    err = errors.InputError("not valid UTF-8", source="a.txt", location="byte 12", hint="re-save as UTF-8")
    text = str(err)
    assert text.startswith("[CW200] a.txt (byte 12): not valid UTF-8")
    assert text.endswith("re-save as UTF-8")
    assert err.to_dict()["location"] == "byte 12"


def test_errors_exported_members_are_pinned() -> None:
    assert sorted(ceasewatch.__all__) == sorted(
        [
            "__version__",
            "CeasewatchError",
            "Assessment",
            "Claim",
            "Claimant",
            "Document",
            "Evidence",
            "Incident",
            "Place",
            "Review",
            "WeaponCount",
        ]
    )
