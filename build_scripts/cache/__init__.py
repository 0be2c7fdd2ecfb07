"""The build cache: content-addressed, on disk under ``build/cache/`` and in memory.

* :mod:`.keys` — what a cached result depends on, as a digest: the code version (every
  source and data file of ``build_scripts`` and the versions of the libraries that shape
  the output) and, for one document, its raw bytes, its file name and its sidecar's bytes;
* :mod:`.store` — a key → value store (pickles written atomically, one file per entry),
  with a memory layer kept at module level so that ``mkdocs serve``, which makes a new
  plugin per rebuild, keeps it between rebuilds;
* :mod:`.pages` — the rendered HTML of the generated pages (used by the MkDocs plugin).

Guarantee: a value is only ever read back under the key of the very inputs that produced
it, so a build that uses the cache gives the same bytes as a clean build.
"""
