"""Property tests (hypothesis) for hostile input: the reader, the sidecar loader and the
normalizer entry point never raise on anything but an unreadable file (InputError naming
it), and what they return is safe (no control or bidirectional character, ids and slugs
that are slugs, front matter that YAML reads back). ``bench/fuzz.py`` runs the same
properties with a large budget.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from build_scripts import slug
from build_scripts.render import listings
from tests.support.hostile import (check_normalize, check_reader, check_sidecar, mutated_seeds, raw_bytes,
                                   sidecar_inputs)

SETTINGS = dict(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(**SETTINGS)
@given(raw_bytes)
def test_reader_never_crashes_and_returns_safe_text(data):
    check_reader(data)


@settings(**SETTINGS)
@given(sidecar_inputs)
def test_sidecar_loader_never_crashes_and_keeps_only_safe_values(data):
    check_sidecar(data)


@settings(**dict(SETTINGS, max_examples=60))
@given(st.one_of(mutated_seeds(), raw_bytes), sidecar_inputs)
def test_normalize_with_hostile_sidecars_gives_renderable_documents(data, side):
    check_normalize(data, side)


@settings(**SETTINGS)
@given(st.text(max_size=400), st.text(max_size=400))
def test_slugs_are_safe_capped_and_distinct(a, b):
    for text in (a, b):
        made = slug.slug(text)
        assert slug.is_slug(made) and made == slug.slug(text)
        assert slug.is_slug(slug.hashed(text))
    if a != b:
        assert slug.hashed(a) != slug.hashed(b)
        assert listings.facet_slug("body", a) != listings.facet_slug("body", b)
