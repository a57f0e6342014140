"""How much each factor counts in the total; documented in docs/matching.md."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Final

from askwell.core.model import DomainError

FACTORS: Final = (
    "expertise",
    "fit",
    "availability",
    "capacity",
    "boundaries",
    "balance",
    "reciprocity",
    "history",
)


@dataclass(frozen=True)
class Weights:
    """Non-negative weight per factor; the total is the weighted mean of the factor scores.

    The defaults are the weights most folds chose in bench/whom_quality.py's cross-validation.
    """

    expertise: float = 2.0
    fit: float = 3.0
    availability: float = 0.5
    capacity: float = 1.0
    boundaries: float = 1.0
    balance: float = 3.0
    reciprocity: float = 0.5
    history: float = 0.5

    def as_dict(self) -> dict[str, float]:
        """Return the weights by factor name, in the canonical order."""
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}


def parse_weights(spec: str | None, base: Weights | None = None) -> Weights:
    """Read "expertise=2,capacity=0.5" over `base` (default weights); unknown names raise."""
    weights = base or Weights()
    if not spec or not spec.strip():
        return weights
    changes: dict[str, float] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        name = name.strip().lower()
        if not sep or name not in FACTORS:
            raise DomainError(
                f"cannot read weight {part.strip()!r}; write name=number with a name from: "
                + ", ".join(FACTORS)
            )
        try:
            number = float(value)
        except ValueError:
            raise DomainError(
                f"the weight for {name} must be a number, not {value.strip()!r}"
            ) from None
        if not 0 <= number <= 100 or number != number:
            raise DomainError(f"the weight for {name} must be between 0 and 100")
        changes[name] = number
    result = replace(weights, **changes)
    if sum(result.as_dict().values()) <= 0:
        raise DomainError("at least one weight must be above 0")
    return result
