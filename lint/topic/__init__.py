"""Helpers for the off-topic kinds: word rarity (lexicon) and document cohesion profiles."""
