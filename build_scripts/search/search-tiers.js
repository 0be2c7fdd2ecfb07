  /* ---- search-tiers.js: several common words, from tier maps, impact tiers and record sets ------
   * Included into search-shards.js by build_scripts/search/assets.py (at the line that names this
   * file): it runs inside that file's factory, with its helpers (undelta, partial, exactCounts,
   * sortedKeys, Shards, lunr, search). The Python twin, and the proof that the first documents and
   * the counts are those of the whole index, are in build_scripts/search/tiered.py. Records are
   * numbered doc * 2^21 + local (record order; a document has fewer than 2^21 records).
   */
  var SHIFT = 2097152;
  var FIELDS = 3;
  var MARGIN = 1e-9;
  var SETS_AFTER = 2;  /* a round wanting a tier numbered this or more fetches the record sets first */

  function tiersEligible(parsed, entries, terms, groups) {
    if (groups === undefined || groups === null || !terms.size) return false;
    if (parsed.phrases.length || parsed.symbols.size) return false;
    if (parsed.clauses.some(function (c) { return c.wildcard || !c.required; })) return false;
    var list = Array.from(terms);
    if (list.some(function (t) { return !entries[t] || entries[t].i === undefined; })) return false;
    return list.some(function (t) { return entries[t].h !== undefined; });
  }

  /* [doc deltas, counts, local deltas] (tiers.py's encode_records) -> sorted record numbers */
  function decodeRecords(columns) {
    var out = [];
    var doc = 0;
    var k = 0;
    for (var i = 0; i < columns[0].length; i++) {
      doc += columns[0][i];
      var local = 0;
      for (var j = 0; j < columns[1][i]; j++) { local += columns[2][k++]; out.push(doc * SHIFT + local); }
    }
    return out;
  }

  function columnRecords(column) {
    if (!column) return [];
    var docs = undelta(column[0]);
    return docs.map(function (d, k) { return d * SHIFT + column[1][k]; });
  }

  function intersect(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }

  /* {tierOf: Map document -> its tier, kinds: [Set of documents holding it in text, in title or symbol]}
     of a map file (tiers.py's decode_map) */
  function decodeMap(data) {
    var tierOf = new Map();
    var kinds = ["t", "d"].map(function (name) {
      var docs = new Set();
      data[name].forEach(function (coded, k) {
        undelta(coded).forEach(function (d) { tierOf.set(d, k); docs.add(d); });
      });
      return docs;
    });
    return { tierOf: tierOf, kinds: kinds };
  }

  /* record number -> [weight per field] of file-encoded columns, added into `into`; and into `holders`
     ([Map document -> Set of its records holding the term in text, ... in title or symbol]: a weight
     may round to 0, so presence is kept apart) (tiered.py's _postings) */
  function postingsOf(columns, into, holders) {
    columns.forEach(function (column, f) {
      if (!column) return;
      var docs = undelta(column[0]);
      var held = holders[Math.min(f, 1)];
      for (var k = 0; k < docs.length; k++) {
        var key = docs[k] * SHIFT + column[1][k];
        var w = into.get(key);
        if (w === undefined) { w = [0, 0, 0]; into.set(key, w); }
        w[f] = column[2][k];
        var locals = held.get(docs[k]);
        if (locals === undefined) { locals = new Set(); held.set(docs[k], locals); }
        locals.add(column[1][k]);
      }
    });
    return into;
  }

  /* File-encoded columns of the postings of docs (a Set) in a list of file-encoded columns. */
  function restricted(columnsList, docs) {
    var out = [];
    for (var f = 0; f < FIELDS; f++) {
      var rows = [];
      columnsList.forEach(function (columns) {
        var column = columns[f];
        if (!column) return;
        var ds = undelta(column[0]);
        for (var k = 0; k < ds.length; k++) {
          if (docs.has(ds[k])) rows.push([ds[k], column[1][k], column[2][k], column[3] ? column[3][k] : 0]);
        }
      });
      rows.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      if (!rows.length) { out.push(0); continue; }
      var last = 0;
      var deltas = rows.map(function (r) { var d = r[0] - last; last = r[0]; return d; });
      var masks = rows.map(function (r) { return r[3]; });
      out.push([deltas, rows.map(function (r) { return r[1]; }), rows.map(function (r) { return r[2]; }),
                masks.some(function (m) { return m !== 0; }) ? masks : 0]);
    }
    return out;
  }

  /* Lexicographic order of sort keys [notDocument, -exact, -rounded score, record number]. */
  function compareSortKeys(a, b) {
    return (a[0] - b[0]) || (a[1] - b[1]) || (a[2] - b[2]) || (a[3] - b[3]);
  }

  function firstDocuments(ranked, n) {
    var docs = [];
    var seen = new Set();
    for (var i = 0; i < ranked.length && docs.length < n; i++) {
      if (!seen.has(ranked[i].doc)) { seen.add(ranked[i].doc); docs.push(ranked[i].doc); }
    }
    return docs;
  }

  function TierState(self, parsed, entries, terms, allowed) {
    this.shards = self;
    this.entries = entries;
    this.terms = terms;
    this.common = terms.filter(function (t) { return entries[t].h !== undefined; });
    this.fetched = {};
    this.tiers = {};
    this.known = {};
    this.tierOf = {};
    this.weights = {};
    this.holders = {};
    var state = this;
    terms.forEach(function (t) {
      var common = state.common.indexOf(t) >= 0;
      state.holders[t] = [new Map(), new Map()];
      state.weights[t] = common ? new Map() : postingsOf(entries[t].p, new Map(), state.holders[t]);
    });
    this.common.forEach(function (t) {
      state.fetched[t] = new Set(); state.tiers[t] = []; state.known[t] = new Set();
    });
    this.exactMost = 0;
    parsed.exact.forEach(function (word) {
      var entry = entries[search.processTerm(word) || ""];
      if (entry && entry.w && entry.w.indexOf(word) >= 0) state.exactMost += 1;
    });
    this.norm = Math.sqrt(terms.length);
    this.allowed = allowed;
    this.exact = false;  /* the record sets are in: this.paragraphs, this.documents */
    this.paragraphs = [];
    this.documents = [];
    this.byDoc = new Map();
  }

  TierState.prototype.keep = function (doc) {
    return this.allowed.every(function (a) { return a.has(doc); });
  };

  function intersectSets(a, b) {
    var out = new Set();
    a.forEach(function (x) { if (b.has(x)) out.add(x); });
    return out;
  }

  /* The candidate documents, per kind, from the maps (a Map term -> map file) (tiered.py's __init__). */
  TierState.prototype.candidates = function (maps) {
    var state = this;
    var found = [null, null];
    this.terms.forEach(function (t) {
      var parts;
      if (maps.has(t)) {
        var decoded = decodeMap(maps.get(t));
        state.tierOf[t] = decoded.tierOf;
        parts = decoded.kinds;
      } else {
        parts = state.holders[t].map(function (m) { return new Set(m.keys()); });
      }
      found = found.map(function (before, k) { return before === null ? parts[k] : intersectSets(before, parts[k]); });
    });
    this.kinds = found.map(function (docs) {
      var out = new Set();
      docs.forEach(function (d) { if (state.keep(d)) out.add(d); });
      return out;
    });
    this.setDocs();
  };

  TierState.prototype.setDocs = function () {
    var all = new Set(this.kinds[0]);
    this.kinds[1].forEach(function (d) { all.add(d); });
    this.docs = Array.from(all).sort(function (a, b) { return a - b; });
  };

  /* The matching records from the record sets (a Map term -> set file); the candidates become their
     documents (tiered.py's narrow). */
  TierState.prototype.narrow = function (sets) {
    var paragraphs = null;
    var documents = null;
    var state = this;
    this.terms.forEach(function (t) {
      var text, docs;
      if (sets.has(t)) {
        text = decodeRecords(sets.get(t).t);
        docs = decodeRecords(sets.get(t).d);
      } else {
        var records = state.holders[t].map(function (m) {
          var out = [];
          m.forEach(function (locals, d) { locals.forEach(function (l) { out.push(d * SHIFT + l); }); });
          return out.sort(function (a, b) { return a - b; });
        });
        text = records[0];
        docs = records[1];
      }
      paragraphs = paragraphs === null ? text : intersect(paragraphs, text);
      documents = documents === null ? docs : intersect(documents, docs);
    });
    function keep(key) { return state.keep(Math.floor(key / SHIFT)); }
    this.paragraphs = paragraphs.filter(keep);
    this.documents = documents.filter(keep);
    this.kinds = [this.paragraphs, this.documents].map(function (keys) {
      return new Set(keys.map(function (key) { return Math.floor(key / SHIFT); }));
    });
    this.setDocs();
    [[this.paragraphs, false], [this.documents, true]].forEach(function (pair) {
      pair[0].forEach(function (key) {
        var doc = Math.floor(key / SHIFT);
        if (!state.byDoc.has(doc)) state.byDoc.set(doc, []);
        state.byDoc.get(doc).push([key, pair[1]]);
      });
    });
    this.exact = true;
  };

  /* [[record number, is a document record], ...] of the incomplete doc that may match (tiered.py's bounds). */
  TierState.prototype.bounds = function (doc) {
    if (this.exact) return this.byDoc.get(doc) || [];
    var out = [];
    var state = this;
    [false, true].forEach(function (document, kind) {
      if (!state.kinds[kind].has(doc)) return;
      var held = null;
      state.terms.forEach(function (t) {
        if (state.common.indexOf(t) >= 0 && !state.known[t].has(doc)) return;
        var locals = state.holders[t][kind].get(doc) || new Set();
        held = held === null ? locals : intersectSets(held, locals);
      });
      if (held === null) { out.push([doc * SHIFT, document]); return; }
      Array.from(held).sort(function (a, b) { return a - b; }).forEach(function (l) { out.push([doc * SHIFT + l, document]); });
    });
    return out;
  };

  /* The tiers wanted: [[term, tier number], ...]. */
  TierState.prototype.fetch = function (wanted) {
    var state = this;
    return Promise.all(wanted.map(function (pair) {
      return state.shards.read("search/tiers/" + state.entries[pair[0]].i + "-" + pair[1] + ".json");
    })).then(function (data) {
      wanted.forEach(function (pair, i) {
        var t = pair[0];
        state.fetched[t].add(pair[1]);
        state.tiers[t].push(data[i].p);
        var found = postingsOf(data[i].p, new Map(), state.holders[t]);
        found.forEach(function (w, key) { state.weights[t].set(key, w); state.known[t].add(Math.floor(key / SHIFT)); });
      });
    });
  };

  /* Per common term, the tiers holding docs not yet fetched: all, or the first (tiered.py's next_tiers). */
  TierState.prototype.nextTiers = function (docs, allAtOnce) {
    var state = this;
    var out = [];
    this.common.forEach(function (t) {
      var needed = new Set();
      docs.forEach(function (d) {
        if (!state.known[t].has(d)) {
          var k = state.tierOf[t].get(d);
          if (!state.fetched[t].has(k)) needed.add(k);
        }
      });
      var list = Array.from(needed).sort(function (a, b) { return a - b; });
      (allAtOnce ? list : list.slice(0, 1)).forEach(function (k) { out.push([t, k]); });
    });
    return out;
  };

  TierState.prototype.complete = function (doc) {
    var state = this;
    return this.common.every(function (t) { return state.known[t].has(doc); });
  };

  TierState.prototype.entriesFor = function (docs) {
    var out = Object.assign({}, this.entries);
    var state = this;
    this.terms.forEach(function (t) {
      var parts = state.common.indexOf(t) >= 0 ? state.tiers[t] : [state.entries[t].p];
      out[t] = Object.assign({}, state.entries[t], { p: restricted(parts, docs) });
    });
    return out;
  };

  /* The best sort key a record of an incomplete document can have (tiered.py's upper). */
  TierState.prototype.upper = function (key, document) {
    var score = 0;
    var doc = Math.floor(key / SHIFT);
    var fields = document ? [1, 2] : [0];
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      var dot = 0;
      for (var j = 0; j < this.terms.length; j++) {
        var t = this.terms[j];
        if (!this.known[t] || this.known[t].has(doc)) {
          var w = this.weights[t].get(key);
          dot += (w === undefined ? 0 : w[f]) / 1000;
        } else {  /* the highest weight of the tier that holds the document */
          dot += this.entries[t].t[this.tierOf[t].get(doc)][f] / 1000;
        }
      }
      score += dot / this.norm;
    }
    score = score * (1 + MARGIN) + MARGIN;
    return [document ? 0 : 1, -this.exactMost, -search.rounded(score), key];
  };

  /* The incomplete documents that could still come among the first n (null: none can). */
  TierState.prototype.undecided = function (ranked, exact, n) {
    var state = this;
    var pending = new Map();
    this.docs.forEach(function (d) {
      if (state.complete(d)) return;
      var b = state.bounds(d);
      if (b.length) pending.set(d, b);
    });
    if (!pending.size) return null;
    var top = firstDocuments(ranked, n);
    if (top.length < n) return Array.from(pending.keys());
    var best = ranked.find(function (f) { return f.doc === top[top.length - 1]; });
    var tau = [best.document ? 0 : 1, -(exact.get(best.key) || 0), -search.rounded(best.score),
               best.key[0] * SHIFT + best.key[1]];
    var out = [];
    pending.forEach(function (b, doc) {
      if (b.some(function (pair) { return compareSortKeys(state.upper(pair[0], pair[1]), tau) < 0; })) out.push(doc);
    });
    return out.length ? out : null;
  };

  /* Map term -> file of `kind` ("maps" or "sets") of the common terms. */
  TierState.prototype.files = function (kind) {
    var state = this;
    var out = new Map();
    return Promise.all(this.common.map(function (t) {
      return state.shards.read("search/" + kind + "/" + state.entries[t].i + ".json").then(function (data) { out.set(t, data); });
    })).then(function () { return out; });
  };

  /* -> Promise of {parsed, found, paragraphs, docs, complete: false, counts}, or null when nothing
     matches every word (the general path then tries OR). paragraphs and docs are null until the
     record sets are in: counts() fetches them (after the first documents are shown) and resolves
     to {paragraphs, docs}. */
  Shards.prototype.tiered = function (parsed, entries, need, allowed, groups) {
    var self = this;
    var state = new TierState(this, parsed, entries, sortedKeys(need.terms), allowed);
    var ranked = [];
    function counts() {
      var ready = state.exact ? Promise.resolve() : state.files("sets").then(function (sets) { state.narrow(sets); });
      return ready.then(function () {
        return { paragraphs: state.paragraphs.length, docs: state.docs.length };
      });
    }
    function round() {
      if (!state.docs.length) return null;
      var complete = new Set(state.docs.filter(function (d) { return state.complete(d); }));
      var sub = state.entriesFor(complete);
      var index = lunr.Index.load(partial(self.meta, sub, need.terms));
      var found = search.lunrHits(index, parsed.clauses, true).map(function (hit) {
        var parts = hit.ref.split(".");
        var fields = new Set();
        Object.keys(hit.matchData.metadata).forEach(function (t) {
          Object.keys(hit.matchData.metadata[t]).forEach(function (f) { fields.add(f); });
        });
        fields.delete("text");
        var doc = parseInt(parts[0], 10);
        return { key: [doc, parseInt(parts[1], 10)], score: hit.score,
                 terms: new Set(Object.keys(hit.matchData.metadata)), document: fields.size > 0, doc: doc };
      });
      var exact = parsed.exact.size ? exactCounts(found, sub, need.exactTerms) : new Map();
      ranked = search.order(found, parsed, true, exact, new Set());
      var wanted = state.undecided(ranked, exact, groups);
      if (wanted === null) return done();
      var more = state.nextTiers(wanted, wanted.length <= groups);
      if (!state.exact && more.some(function (pair) { return pair[1] >= SETS_AFTER; })) {
        return state.files("sets").then(function (sets) { state.narrow(sets); return round(); });
      }
      if (!more.length) throw new Error("tiers exhausted before the first documents were decided");
      return state.fetch(more).then(round);
    }
    function done() {
      if (!ranked.length) return null;
      var top = new Set(firstDocuments(ranked, groups));
      return { parsed: parsed, found: ranked.filter(function (f) { return top.has(f.doc); }),
               paragraphs: state.exact ? state.paragraphs.length : null, docs: state.exact ? state.docs.length : null,
               complete: false, counts: counts };
    }
    return Promise.all([state.files("maps"), state.fetch(state.common.map(function (t) { return [t, 0]; }))])
      .then(function (data) {
        state.candidates(data[0]);
        return round();
      });
  };
