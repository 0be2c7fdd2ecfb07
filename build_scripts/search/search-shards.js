/*
 * search-shards.js: queries the sharded index (build_scripts/search/shards.py), fetching
 * only the files a query needs. Load after lunr.js, search-support.js and search.js.
 *
 *   var s = ArchiveShards.open(fetchJson)   // fetchJson(path) -> Promise of the parsed JSON
 *   s.ready()                                // -> Promise of search/meta.json
 *   s.prefetch(q)                            // starts fetching q's term buckets (as you type), and,
 *                                            //    from two words, a common term's tier map and first tier
 *   s.hits(q, filters, options)              // -> Promise {parsed, found, paragraphs, docs, complete}:
 *                                            //    the matches, ranked, and the true counts;
 *                                            //    options.groups: n (a common word's head, or a pair's, may do;
 *                                            //    several common words: paragraphs and docs null,
 *                                            //    counts() -> Promise {paragraphs, docs})
 *   s.results(parsed, found)                 // -> Promise of result objects (fetches their texts)
 *   s.query(q, filters, options)             // -> Promise of ArchiveSearch.query's results
 *   s.fetched                                 // paths fetched, in order
 *
 * The Python twin is build_scripts/search/sharded.py (the reasons are there): the fetched terms
 * make a lunr index of their own whose scores are those of the whole index;
 * tests/test_search_shards.py compares this file, the Python twin and the monolithic index.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(root.lunr || require("./lunr.js"), root.ArchiveSearch || require("./search.js"));
  } else {
    root.ArchiveShards = factory(root.lunr, root.ArchiveSearch);
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function (lunr, search) {
  "use strict";

  var MAX_FILES = 400;  /* files kept in memory (term buckets, text chunks), oldest dropped first */
  var UTF8 = new TextEncoder();

  function fnv1a(text) {
    var h = 0x811c9dc5;
    var bytes = UTF8.encode(text);
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function bucket(key, count) { return fnv1a(key) % count; }

  function prefixKey(term) { return Array.from(term).slice(0, 2).join(""); }

  function undelta(values) {
    var out = new Array(values.length);
    var last = 0;
    for (var i = 0; i < values.length; i++) { last += values[i]; out[i] = last; }
    return out;
  }

  function hasBit(mask, bit) {
    if (Array.isArray(mask)) return mask.indexOf(bit) >= 0;
    return bit < 31 && ((mask >>> bit) & 1) === 1;
  }

  function sortedKeys(set) { return Array.from(set).sort(); }

  /* The lunr serialization of the index restricted to the terms (sharded.py's partial). */
  function partial(meta, entries, terms) {
    var fields = meta.fields;
    var inverted = [];
    var vectors = new Map();
    sortedKeys(terms).forEach(function (term) {
      var entry = entries[term];
      if (!entry || entry.i === undefined) return;
      var posting = {};
      fields.forEach(function (name, f) {
        posting[name] = {};
        var column = entry.p[f];
        if (!column) return;
        var docs = undelta(column[0]);
        for (var k = 0; k < docs.length; k++) {
          var ref = docs[k] + "." + column[1][k];
          posting[name][ref] = {};
          var fieldRef = name + "/" + ref;
          var pairs = vectors.get(fieldRef);
          if (pairs === undefined) { pairs = []; vectors.set(fieldRef, pairs); }
          pairs.push([entry.i, column[2][k] / 1000]);
        }
      });
      posting._index = entry.i;
      inverted.push([term, posting]);
    });
    var fieldVectors = [];
    vectors.forEach(function (pairs, fieldRef) {
      pairs.sort(function (a, b) { return a[0] - b[0]; });
      var flat = [];
      pairs.forEach(function (p) { flat.push(p[0], p[1]); });
      fieldVectors.push([fieldRef, flat]);
    });
    return { version: meta.lunr, fields: fields, fieldVectors: fieldVectors, invertedIndex: inverted,
             pipeline: meta.pipeline };
  }

  function Shards(fetchJson) {
    this.fetchJson = fetchJson;
    this.cache = new Map();
    this.fetched = [];
    this.meta = null;
  }

  Shards.prototype.read = function (path) {
    var hit = this.cache.get(path);
    if (hit !== undefined) {
      this.cache.delete(path);
      this.cache.set(path, hit);  /* most recently used last */
      return hit;
    }
    if (path !== "search/meta.json") this.fetched.push(path);
    var promise = this.fetchJson(path);
    var self = this;
    promise.catch(function () { self.cache.delete(path); });
    this.cache.set(path, promise);
    while (this.cache.size > MAX_FILES) {
      var oldest = this.cache.keys().next().value;
      if (oldest === "search/meta.json") { var m = this.cache.get(oldest); this.cache.delete(oldest); this.cache.set(oldest, m); continue; }
      this.cache.delete(oldest);
    }
    return promise;
  };

  Shards.prototype.ready = function () {
    var self = this;
    return this.read("search/meta.json").then(function (meta) { self.meta = meta; return meta; });
  };

  Shards.prototype.entries = function (keys) {
    var self = this;
    var list = sortedKeys(keys);
    return Promise.all(list.map(function (key) {
      return self.read("search/terms/" + bucket(key, self.meta.buckets) + ".json");
    })).then(function (data) {
      var out = {};
      list.forEach(function (key, i) {
        if (Object.prototype.hasOwnProperty.call(data[i], key)) out[key] = data[i][key];
      });
      return out;
    });
  };

  Shards.prototype.expand = function (prefix) {
    var path = "search/prefix/" + bucket(prefixKey(prefix), this.meta.prefixBuckets) + ".json";
    return this.read(path).then(function (terms) {
      return terms.filter(function (t) { return t.startsWith(prefix); });
    });
  };

  Shards.prototype.chunk = function (doc, local) {
    return this.read("search/docs/" + Math.floor(doc / 1000) + "/" + doc + "-" +
                     Math.floor(local / this.meta.chunk) + ".json");
  };

  /* Per active filter, the set of documents it accepts. */
  Shards.prototype.accepted = function (filters) {
    var self = this;
    var wanted = [];
    search.FILTERS.forEach(function (entry) {
      var name = entry[0];
      var want = (filters || {})[name];
      if (want === undefined || want === null || want === "" || (Array.isArray(want) && want.length === 0)) return;
      var values = (Array.isArray(want) ? want : [want]).map(String);
      var paths = [];
      self.meta.facets[name].forEach(function (value, i) {
        if (values.indexOf(value) >= 0) paths.push("search/facets/" + name + "-" + i + ".json");
      });
      wanted.push(Promise.all(paths.map(function (p) { return self.read(p); })).then(function (lists) {
        var docs = new Set();
        lists.forEach(function (l) { undelta(l).forEach(function (d) { docs.add(d); }); });
        return docs;
      }));
    });
    return Promise.all(wanted);
  };

  /* The terms and keys a parsed query needs (wildcards expanded). */
  Shards.prototype.keys = function (parsed) {
    var self = this;
    var terms = new Set();
    var expansions = [];
    parsed.clauses.forEach(function (c) {
      if (c.wildcard) expansions.push(self.expand(c.term));
      else terms.add(c.term);
    });
    var exactTerms = new Map();
    parsed.exact.forEach(function (w) { exactTerms.set(w, search.processTerm(w)); });
    return Promise.all(expansions).then(function (lists) {
      lists.forEach(function (l) { l.forEach(function (t) { terms.add(t); }); });
      var keys = new Set(terms);
      parsed.symbols.forEach(function (s) { keys.add(s); });
      exactTerms.forEach(function (t) { if (t) keys.add(t); });
      return { terms: terms, keys: keys, exactTerms: exactTerms };
    });
  };

  Shards.prototype.prefetch = function (q, options) {
    var self = this;
    if (!this.meta) return Promise.resolve();
    var parsed = search.parseQuery(q, (options || {}).prefix);
    return this.keys(parsed).then(function (k) {
      return self.entries(k.keys).then(function (entries) {
        /* words typed in full come before another: with two or more of them (three words or more:
           no pair's head, pairs.py), a common one's tier map and first tier will be wanted (several
           common words, search-tiers.js) */
        if (parsed.clauses.length < 2) return null;
        return Promise.all(sortedKeys(k.terms).map(function (t) {
          var e = entries[t];
          if (!e || e.h === undefined || e.t === undefined) return null;
          return Promise.all([self.read("search/maps/" + e.i + ".json"), self.read("search/tiers/" + e.i + "-0.json")]);
        }));
      });
    }).catch(function () {});
  };

  /* Per term, the query word typed for it that is one of its exact forms ("": none), as a head is
     keyed; null when a term has two or a word belongs to another term (paired.py's typed_forms). */
  function typedForms(parsed, terms, entries) {
    var out = new Map();
    terms.forEach(function (t) { out.set(t, ""); });
    var words = Array.from(parsed.exact).sort();
    for (var i = 0; i < words.length; i++) {
      var term = search.processTerm(words[i]);
      if (!out.has(term)) return null;
      var entry = entries[term];
      if (entry && entry.w && entry.w.indexOf(words[i]) >= 0) {
        if (out.get(term)) return null;
        out.set(term, words[i]);
      }
    }
    return terms.map(function (t) { return out.get(t); });
  }

  /* Promise of the pair file of a query of two required words wanting at most headDocs documents,
     fetched with its term buckets (pairs.py), or of null (sharded.py's pair_file). */
  Shards.prototype.pairFile = function (parsed, groups) {
    var count = this.meta.pairBuckets || 0;
    if (!count || groups === undefined || groups === null || groups > (this.meta.headDocs || 0)) return Promise.resolve(null);
    if (parsed.clauses.length !== 2 || parsed.phrases.length || parsed.symbols.size) return Promise.resolve(null);
    if (parsed.clauses.some(function (c) { return c.wildcard || !c.required; })) return Promise.resolve(null);
    var terms = parsed.clauses.map(function (c) { return c.term; }).sort();
    if (terms[0] === terms[1]) return Promise.resolve(null);
    return this.read("search/pairs/" + bucket(terms[0] + " " + terms[1], count) + ".json");
  };

  /* {columns: {term: columns}, n: [paragraphs, documents]} of the head that answers the query's
     first `groups` documents — a common word's, or a pair's from `pairs` (its pair file) — or null
     (sharded.py's head and paired.py's pair_head: no filter, phrase, wildcard or symbol; see heads.py
     and pairs.py). */
  Shards.prototype.head = function (parsed, allowed, entries, groups, pairs) {
    if (groups === undefined || groups === null || groups > (this.meta.headDocs || 0) || allowed.length) return null;
    var forms, columns = {};
    if (pairs) {
      var terms = parsed.clauses.map(function (c) { return c.term; }).sort();
      var pair = pairs[terms[0] + " " + terms[1]];
      forms = typedForms(parsed, terms, entries);
      var docs = pair && forms ? pair.h[forms.join(" ")] : undefined;
      if (docs === undefined) return null;
      var keep = new Set(undelta(docs));
      columns[terms[0]] = restricted([pair.p[0]], keep);
      columns[terms[1]] = restricted([pair.p[1]], keep);
      return { columns: columns, n: pair.n };
    }
    if (parsed.clauses.length !== 1) return null;
    var clause = parsed.clauses[0];
    var entry = entries[clause.term];
    if (clause.wildcard || parsed.phrases.length || parsed.symbols.size || !entry || !entry.h) return null;
    forms = typedForms(parsed, [clause.term], entries);
    if (!forms) return null;
    columns[clause.term] = Object.prototype.hasOwnProperty.call(entry.h, forms[0]) ? entry.h[forms[0]] : entry.h[""];
    return { columns: columns, n: entry.n };
  };

  /* -> Promise {parsed, found, paragraphs, docs, complete}: the matches, ranked, and the true
     counts; with options.groups, a one-word query on a common term may use its head (found:
     the first documents' matches; complete: false). */
  Shards.prototype.hits = function (q, filters, options) {
    var self = this;
    options = options || {};
    var parsed = search.parseQuery(q, options.prefix);
    if (!parsed.clauses.length) {
      return Promise.resolve({ parsed: parsed, found: [], paragraphs: 0, docs: 0, complete: true });
    }
    var need, entries, allowed, head;
    return this.keys(parsed).then(function (k) {
      need = k;
      return Promise.all([self.entries(k.keys), self.accepted(filters), self.pairFile(parsed, options.groups)]);
    }).then(function (data) {
      entries = data[0];
      allowed = data[1];
      head = self.head(parsed, allowed, entries, options.groups, data[2]);
      if (!head && tiersEligible(parsed, entries, need.terms, options.groups)) {
        return self.tiered(parsed, entries, need, allowed, options.groups).then(function (out) {
          return out || general();
        });
      }
      return general();
    });

    function general() {  /* whole lists (tails), or a head */
      if (head) {
        Object.keys(head.columns).forEach(function (t) { entries[t] = Object.assign({}, entries[t], { p: head.columns[t] }); });
      }
      var tails = [];
      sortedKeys(need.terms).forEach(function (term) {
        var entry = entries[term];
        if (!entry || !entry.h || (head && head.columns[term])) return;
        tails.push(self.read("search/tails/" + entry.i + ".json").then(function (tail) {
          entries[term] = Object.assign({}, entry, tail);
        }));
      });
      return Promise.all(tails).then(function () {
        var index = lunr.Index.load(partial(self.meta, entries, need.terms));
        var hits = search.lunrHits(index, parsed.clauses, true);
        var andMode = true;
        if (!hits.length && parsed.freeRequired >= 2) { hits = search.lunrHits(index, parsed.clauses, false); andMode = false; }
        var found = [];
        hits.forEach(function (hit) {
          var parts = hit.ref.split(".");
          var doc = parseInt(parts[0], 10);
          var local = parseInt(parts[1], 10);
          for (var i = 0; i < allowed.length; i++) { if (!allowed[i].has(doc)) return; }
          var fields = new Set();
          Object.keys(hit.matchData.metadata).forEach(function (t) {
            Object.keys(hit.matchData.metadata[t]).forEach(function (f) { fields.add(f); });
          });
          fields.delete("text");
          found.push({ key: [doc, local], score: hit.score, terms: new Set(Object.keys(hit.matchData.metadata)),
                       document: fields.size > 0, doc: doc });
        });
        var phrased = parsed.phrases.length ? self.phraseFilter(found, parsed) : Promise.resolve(found);
        return phrased.then(function (kept) {
          var exact = parsed.exact.size ? exactCounts(kept, entries, need.exactTerms) : new Map();
          var symbolDocs = new Set();
          parsed.symbols.forEach(function (s) {
            var entry = entries[s];
            if (entry && entry.s) undelta(entry.s).forEach(function (d) { symbolDocs.add(d); });
          });
          var ranked = search.order(kept, parsed, andMode, exact, symbolDocs);
          if (head) {
            var n = head.n;
            return { parsed: parsed, found: ranked, paragraphs: n[0], docs: n[1], complete: false };
          }
          var docs = new Set();
          var paragraphs = 0;
          ranked.forEach(function (f) { docs.add(f.doc); if (!f.document) paragraphs += 1; });
          return { parsed: parsed, found: ranked, paragraphs: paragraphs, docs: docs.size, complete: true };
        });
      });
    }
  };

  /* Candidates holding every phrase (their texts fetched, chunk by chunk). */
  Shards.prototype.phraseFilter = function (found, parsed) {
    var self = this;
    return Promise.all(found.map(function (f) { return self.chunk(f.key[0], f.key[1]); })).then(function (chunks) {
      return found.filter(function (f, i) {
        var text = chunks[i].r[f.key[1] % self.meta.chunk][2];
        var key = " " + search.phraseKey(text) + " ";
        return parsed.phrases.every(function (p) { return key.indexOf(" " + p + " ") >= 0; });
      });
    });
  };

  /* Per found record (by "doc.local"), how many query words it holds as typed. */
  function exactCounts(found, entries, exactTerms) {
    var counts = new Map();
    var byRef = new Map();
    found.forEach(function (f) { byRef.set(f.key[0] + "." + f.key[1], f); counts.set(f.key, 0); });
    exactTerms.forEach(function (term, word) {
      var entry = term ? entries[term] : undefined;
      if (!entry || !entry.w) return;
      var bit = entry.w.indexOf(word);
      if (bit < 0) return;
      var holders = new Set();
      entry.p.forEach(function (column) {
        if (!column || !column[3]) return;
        var docs = undelta(column[0]);
        for (var k = 0; k < docs.length; k++) {
          if (hasBit(column[3][k], bit)) holders.add(docs[k] + "." + column[1][k]);
        }
      });
      holders.forEach(function (ref) {
        var f = byRef.get(ref);
        if (f !== undefined) counts.set(f.key, counts.get(f.key) + 1);
      });
    });
    return counts;
  }

  Shards.prototype.results = function (parsed, found) {
    var self = this;
    return Promise.all(found.map(function (f) { return self.chunk(f.key[0], f.key[1]); })).then(function (chunks) {
      return found.map(function (f, i) {
        var record = chunks[i].r[f.key[1] % self.meta.chunk];
        var d = chunks[i].d;
        var fragment = record[0];
        var text = record[2];
        return {
          ref: fragment ? d[0] + "#" + fragment : d[0], doc_id: d[0], title: d[1], symbol: d[2], label: record[1],
          snippet: search.snippet(text, search.marks(text, search.highlighted(f, parsed), parsed.phrases)),
          url: search.url(d[0], fragment), score: f.score, type: d[3], body: d[4], year: d[5]
        };
      });
    });
  };

  Shards.prototype.query = function (q, filters, options) {
    var self = this;
    options = options || {};
    var limit = options.limit === undefined ? search.DEFAULT_LIMIT : options.limit;
    return this.ready().then(function () { return self.hits(q, filters, options); }).then(function (out) {
      return self.results(out.parsed, limit === null ? out.found : out.found.slice(0, limit));
    });
  };

  /* include: search-tiers.js */

  return {
    open: function (fetchJson) { return new Shards(fetchJson); },
    Shards: Shards,
    fnv1a: fnv1a,
    partial: partial
  };
});
