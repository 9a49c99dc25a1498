"""Spelling support for the typo rules: an English vocabulary with word frequencies
(`vocabulary`), ranked suggestions in an edit-distance neighbourhood (`suggest`), word
formation that makes rare words valid (`morphology`) and British/American variants
(`variants`). Everything loads lazily: importing this package costs nothing.
"""
