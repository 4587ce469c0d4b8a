"""Shared fixtures and settings for the vnterms tests."""

from hypothesis import settings

settings.register_profile("vnterms", max_examples=300, deadline=None)
settings.load_profile("vnterms")
