"""Choose the right person: rank supporters for a need and explain every factor."""

from askwell.core.match.network import Network, build_network, need_text
from askwell.core.match.rank import Candidate, Factor, Ranking, rank, rank_many
from askwell.core.match.weights import FACTORS, Weights, parse_weights

__all__ = [
    "FACTORS",
    "Candidate",
    "Factor",
    "Network",
    "Ranking",
    "Weights",
    "build_network",
    "need_text",
    "parse_weights",
    "rank",
    "rank_many",
]
