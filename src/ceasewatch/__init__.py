"""ceasewatch: turn ceasefire strike reports into checkable claims, link the
claims of both sides, and assess them against agreements written as data."""

from .errors import CeasewatchError
from .model import Assessment, Claim, Claimant, Document, Evidence, Incident, Place, Review, WeaponCount

__version__ = "0.1.0"

__all__ = [
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
