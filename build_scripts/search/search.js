/*
 * search.js: paragraph-level search over a prebuilt lunr index.
 *
 * Load after lunr.js and search-support.js (see build_scripts/search/assets.py).
 *
 *   ArchiveSearch.load(indexJson, storeJson)       // objects or JSON strings
 *   ArchiveSearch.query(q, filters, options)       // -> [result, ...]
 *     filters: {type, body, year}, each a string or an array of strings
 *     options: {prefix: false, limit: 50}          // limit null: no limit
 *     result:  {ref, doc_id, title, symbol, label, snippet, url, score,
 *               type, body, year}                  // snippet: escaped HTML + <mark>
 *
 * Every function here has a Python twin, which builds the index and is the
 * reference for the rules (docstrings there):
 *   tokenize, fold, phraseKey   build_scripts/search/text.py
 *   trimTerm, stemTerm, ...     build_scripts/search/pipeline.py
 *   parseQuery, Searcher        build_scripts/search/query.py
 * tests/test_search_parity.py runs both on the same index and compares.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(
      root.lunr || require("./lunr.js"),
      root.ArchiveSearchSupport || require("./search-support.js")
    );
  } else {
    root.ArchiveSearch = factory(root.lunr, root.ArchiveSearchSupport);
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function (lunr, support) {
  "use strict";

  /* ---------------------------------------------------------------- text */

  function charClass(chars) {
    return chars.split("").map(function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    }).join("");
  }

  var ELISIONS = new Set(support.elisions);
  var STOP_WORDS = new Set(support.stopWords);
  var LIGATURES = support.ligatures;
  var APOSTROPHE_RE = new RegExp("[" + charClass(support.apostrophes.slice(1)) + "]", "g");
  var LIGATURE_RE = new RegExp("[" + charClass(Object.keys(LIGATURES).join("")) + "]", "g");
  var WORD_G = /[\p{L}\p{N}]+/gu;
  var WORD_Y = /[\p{L}\p{N}]+/uy;
  var DIGIT = /[0-9]/;
  var ALIAS = /(?:^|\/)res\/(.+)$/;
  var MN = /\p{Mn}/gu;
  var ASCII = /^[\x00-\x7f]*$/;

  function prepare(text) {
    return String(text).normalize("NFC").replace(APOSTROPHE_RE, "'");
  }

  function symbolAlias(term) {
    var m = ALIAS.exec(term);
    if (m === null || m[1] === term) return null;
    return m[1];
  }

  /* End of the word starting at i, or -1. */
  function wordAt(s, i) {
    WORD_Y.lastIndex = i;
    var m = WORD_Y.exec(s);
    return m === null ? -1 : i + m[0].length;
  }

  function tokenize(text) {
    var s = prepare(text);
    var n = s.length;
    var tokens = [];
    var pos = 0;
    while (true) {
      WORD_G.lastIndex = pos;
      var m = WORD_G.exec(s);
      if (m === null) break;
      var start = m.index;
      var end = start + m[0].length;
      var k = end;
      var slash = false;
      while (k + 1 < n && (s[k] === "/" || s[k] === ".")) {
        var next = wordAt(s, k + 1);
        if (next < 0) break;
        if (s[k] === "/") slash = true;
        k = next;
      }
      if (k > end && slash && DIGIT.test(s.slice(start, k))) {
        var term = s.slice(start, k).toLowerCase();
        tokens.push({ term: term, start: start, end: k, alias: false });
        var alias = symbolAlias(term);
        if (alias) tokens.push({ term: alias, start: start, end: k, alias: true });
        pos = k;
        continue;
      }
      var word = s.slice(start, end).toLowerCase();
      if (end + 1 < n && s[end] === "'" && ELISIONS.has(word) && wordAt(s, end + 1) >= 0) {
        pos = end + 1;
        continue;
      }
      tokens.push({ term: word, start: start, end: end, alias: false });
      pos = end;
    }
    return tokens;
  }

  function expandLigatures(term) {
    return term.replace(LIGATURE_RE, function (c) { return LIGATURES[c]; });
  }

  function fold(term) {
    if (ASCII.test(term)) return term;
    return expandLigatures(term).normalize("NFD").replace(MN, "").normalize("NFC");
  }

  function phraseKey(text) {
    return tokenize(text).filter(function (t) { return !t.alias; })
      .map(function (t) { return fold(t.term); }).join(" ");
  }

  /* ------------------------------------------------------------ pipeline */

  var LEADING = /^[^\p{L}\p{N}]+/u;
  var TRAILING = /[^\p{L}\p{N}]+$/u;
  var ELIDED = new RegExp(
    "^([\\p{L}\\p{N}]+)[" + charClass(support.apostrophes) + "](?=[\\p{L}\\p{N}])", "u");
  var NO_STEM = /[0-9\/.]|[\uD800-\uDFFF]/;

  function trimTerm(term) {
    term = term.replace(LEADING, "").replace(TRAILING, "");
    var m = ELIDED.exec(term);
    if (m !== null && ELISIONS.has(m[1].toLowerCase())) term = term.slice(m[0].length);
    return term;
  }

  function isStopWord(term) {
    return STOP_WORDS.has(fold(term.toLowerCase()));
  }

  var stemCache = new Map();

  function stemTerm(term) {
    term = term.toLowerCase();
    if (!term || NO_STEM.test(term)) return fold(term);
    var hit = stemCache.get(term);
    if (hit !== undefined) return hit;
    var out = fold(support.stemWord(expandLigatures(term)));
    if (stemCache.size >= 65536) stemCache.clear();
    stemCache.set(term, out);
    return out;
  }

  /* One token through the pipeline: its index term, or null if dropped. */
  function processTerm(term) {
    term = trimTerm(term);
    if (!term || isStopWord(term)) return null;
    return stemTerm(term);
  }

  /* include: search-words.js */

  function analyze(text) {
    var out = [];
    tokenize(text).forEach(function (t) {
      var term = processTerm(t.term);
      if (term !== null) out.push(term);
    });
    return out;
  }

  function archiveTrimmer(token) {
    token.update(function (s) { return trimTerm(s); });
    return token.toString() ? token : undefined;
  }

  function archiveStopWordFilter(token) {
    var s = token.toString();
    return !s || isStopWord(s) ? undefined : token;
  }

  function archiveStemmer(token) {
    return token.update(function (s) { return stemTerm(s); });
  }

  var PIPELINE = [
    [archiveTrimmer, "archiveTrimmer"],
    [archiveStopWordFilter, "archiveStopWordFilter"],
    [archiveStemmer, "archiveStemmer"]
  ];
  PIPELINE.forEach(function (entry) {
    if (!(entry[1] in lunr.Pipeline.registeredFunctions)) {
      lunr.Pipeline.registerFunction(entry[0], entry[1]);
    }
  });

  /* --------------------------------------------------------------- query */

  var SNIPPET_CHARS = 300;
  var SNIPPET_LEAD = 80;
  var DEFAULT_LIMIT = 50;
  var FILTERS = [["type", 3], ["body", 4], ["year", 5]];
  var QUOTES = /[\u201c\u201d\u00ab\u00bb\u201e]/g;

  function addClause(clauses, raw, required, wildcard, phrase) {
    var term = processTerm(raw);
    if (term === null) return;
    wildcard = wildcard && term.length >= 2;
    for (var i = 0; i < clauses.length; i++) {
      var c = clauses[i];
      if (c.term === term && c.wildcard === wildcard) {
        c.required = c.required || required;
        c.phrase = c.phrase || phrase;
        return;
      }
    }
    clauses.push({ term: term, required: required, wildcard: wildcard, phrase: phrase });
  }

  function parseQuery(q, prefix) {
    var parts = String(q).replace(QUOTES, '"').split('"');
    var free = parts.filter(function (_, i) { return i % 2 === 0; }).join(" ");
    var quoted = parts.filter(function (_, i) { return i % 2 === 1; });
    var phrases = quoted.map(phraseKey).filter(function (k) { return k !== ""; });
    var clauses = [];
    var tokens = tokenize(free);
    var endsInWord = !!prefix && parts.length % 2 === 1 && tokens.length > 0 &&
      tokens[tokens.length - 1].end === prepare(free).length;
    var primaries = [];
    tokens.forEach(function (t, i) { if (!t.alias) primaries.push(i); });
    primaries.forEach(function (i) {
      var tok = tokens[i];
      var wildcard = endsInWord && i === primaries[primaries.length - 1];
      if (i + 1 < tokens.length && tokens[i + 1].alias) {
        addClause(clauses, tokens[i + 1].term, true, wildcard, false);
        addClause(clauses, tok.term, false, wildcard, false);
      } else {
        addClause(clauses, tok.term, true, wildcard, false);
      }
    });
    var freeRequired = clauses.filter(function (c) { return c.required; }).length;
    var freeTerms = new Set(clauses.map(function (c) { return c.term; }));
    quoted.forEach(function (part) {
      tokenize(part).forEach(function (t) {
        if (!t.alias) addClause(clauses, t.term, true, false, true);
      });
    });
    var symbols = new Set();
    tokens.forEach(function (t) { if (DIGIT.test(t.term)) symbols.add(fold(t.term)); });
    var symbolOnly = phrases.length === 0 && primaries.length > 0 &&
      primaries.every(function (i) { return DIGIT.test(tokens[i].term); });
    return {
      clauses: clauses, phrases: phrases, symbols: symbols,
      symbolOnly: symbolOnly, freeRequired: freeRequired, freeTerms: freeTerms,
      exact: exactWords(free + " " + quoted.join(" "))
    };
  }

  /* The words of text as written (lower case, accents kept), stop words and numbers aside. */
  function exactWords(text) {
    var out = new Set();
    tokenize(text).forEach(function (t) {
      if (!t.alias && !DIGIT.test(t.term) && !isStopWord(t.term)) out.add(t.term.toLowerCase());
    });
    return out;
  }

  function rounded(score) {
    return Math.floor(score * 1e6 + 0.5);
  }

  function accepts(filters, doc) {
    if (!filters) return true;
    for (var i = 0; i < FILTERS.length; i++) {
      var want = filters[FILTERS[i][0]];
      if (want === undefined || want === null || want === "" ||
          (Array.isArray(want) && want.length === 0)) continue;
      var values = (Array.isArray(want) ? want : [want]).map(String);
      if (values.indexOf(doc[FILTERS[i][1]]) < 0) return false;
    }
    return true;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  function marks(text, terms, phrases) {
    var tokens = tokenize(text);
    var ranges = [];
    tokens.forEach(function (t) {
      if (marksWord(t.term, terms)) ranges.push([t.start, t.end]);
    });
    var names = acronymNames(terms);  // an acronym marks the names it stands for
    if (phrases.length || names.size) {
      var words = tokens.filter(function (t) { return !t.alias; });
      var folded = words.map(function (t) { return fold(t.term); });
      phrases.concat(Array.from(names).sort()).forEach(function (key) {
        var wanted = key.split(" ");
        var n = wanted.length;
        for (var i = 0; i + n <= folded.length; i++) {
          var ok = true;
          for (var j = 0; j < n; j++) {
            if (folded[i + j] !== wanted[j]) { ok = false; break; }
          }
          if (ok) ranges.push([words[i].start, words[i + n - 1].end]);
        }
      });
    }
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /* query.py's _best_window: the mark whose window shows the most distinct marked words. */
  function bestWindow(text, ranges) {
    var best = ranges.length ? ranges[0][0] : 0;
    var bestCount = 0;
    ranges.forEach(function (r) {
      var lo = Math.max(0, r[0] - SNIPPET_LEAD);
      var seen = new Set();
      ranges.forEach(function (q) {
        if (q[0] >= lo && q[1] <= lo + SNIPPET_CHARS) seen.add(fold(text.slice(q[0], q[1])));
      });
      if (seen.size > bestCount) { best = r[0]; bestCount = seen.size; }
    });
    return best;
  }

  function snippet(text, ranges) {
    var n = text.length;
    var start = 0;
    var end = n;
    if (n > SNIPPET_CHARS) {
      var first = bestWindow(text, ranges);
      start = Math.max(0, first - SNIPPET_LEAD);
      if (start > 0) {
        var space = text.indexOf(" ", start);
        if (space !== -1 && space < first) start = space + 1;
      }
      end = Math.min(n, start + SNIPPET_CHARS);
      if (end < n) {
        var back = text.lastIndexOf(" ", end - 1);
        if (back > start) end = back;
      }
    }
    var out = start > 0 ? "\u2026 " : "";
    var pos = start;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], pos);
      var b = Math.min(r[1], end);
      if (a >= b) return;
      out += escapeHtml(text.slice(pos, a)) + "<mark>" + escapeHtml(text.slice(a, b)) + "</mark>";
      pos = b;
    });
    out += escapeHtml(text.slice(pos, end));
    if (end < n) out += " \u2026";
    return out;
  }

  function url(docId, fragment) {
    var path = "documents/" + encodeURIComponent(docId) + "/";
    return fragment ? path + "#" + encodeURIComponent(fragment) : path;
  }

  /* Record order: a row number, or [document, local] (the sharded index). */
  function compareKeys(a, b) {
    if (typeof a === "number") return a - b;
    return a[0] - b[0] || a[1] - b[1];
  }

  /* The ranking rules (query.py's order): exact words first, then score, then record order;
     in AND mode document records first; documents named by a symbol token first. */
  function order(found, parsed, andMode, exact, symbolDocs) {
    found = found.slice().sort(function (a, b) {
      return (exact.get(b.key) || 0) - (exact.get(a.key) || 0) ||
        rounded(b.score) - rounded(a.score) || compareKeys(a.key, b.key);
    });
    if (andMode) {  // documents whose title or symbol holds every term: the query names them
      found = found.filter(function (f) { return f.document; })
        .concat(found.filter(function (f) { return !f.document; }));
    }
    if (parsed.symbols.size) {
      var pinned = [];
      var rest = [];
      var seen = new Set();
      found.forEach(function (f) {
        if (symbolDocs.has(f.doc)) {
          if (parsed.symbolOnly && seen.has(f.doc)) return;
          seen.add(f.doc);
          pinned.push(f);
        } else {
          rest.push(f);
        }
      });
      found = pinned.concat(rest);
    }
    return found;
  }

  /* Terms to mark one by one: words of a phrase are highlighted as the phrase. */
  function highlighted(f, parsed) {
    if (!parsed.phrases.length) return f.terms;
    return new Set(Array.from(f.terms).filter(function (t) { return parsed.freeTerms.has(t); }));
  }

  /* Raw lunr results of index for the clauses: [{ref, score, matchData}]. */
  function lunrHits(index, clauses, andMode) {
    return index.query(function (query) {
      clauses.forEach(function (c) {
        var required = c.phrase || (andMode && c.required);
        query.term(c.term, {
          usePipeline: false,
          presence: required ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
          wildcard: c.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        });
      });
    });
  }

  function Searcher(index, store) {
    if (typeof index === "string") index = JSON.parse(index);
    if (typeof store === "string") store = JSON.parse(store);
    this.index = lunr.Index.load(index);
    this.docs = store.docs;
    this.records = store.records;
    this.phraseKeys = new Map();
    this.exact = new Map();
    this.docSymbols = new Map();
  }

  /* Raw lunr results for the clauses: [{ref, score, matchData}]. */
  Searcher.prototype.lunr = function (clauses, andMode) {
    return lunrHits(this.index, clauses, andMode);
  };

  Searcher.prototype.exactWords = function (row) {
    var words = this.exact.get(row);
    if (words === undefined) {
      words = exactWords(this.records[row][3]);
      this.exact.set(row, words);
    }
    return words;
  };

  Searcher.prototype.phraseKey = function (row) {
    var key = this.phraseKeys.get(row);
    if (key === undefined) {
      key = " " + phraseKey(this.records[row][3]) + " ";
      this.phraseKeys.set(row, key);
    }
    return key;
  };

  Searcher.prototype.symbols = function (doc) {
    var set = this.docSymbols.get(doc);
    if (set === undefined) {
      set = new Set(tokenize(this.docs[doc][2]).map(function (t) { return fold(t.term); }));
      this.docSymbols.set(doc, set);
    }
    return set;
  };

  Searcher.prototype.query = function (q, filters, options) {
    options = options || {};
    var limit = options.limit === undefined ? DEFAULT_LIMIT : options.limit;
    var parsed = parseQuery(q, options.prefix);
    if (!parsed.clauses.length) return [];
    var hits = this.lunr(parsed.clauses, true);
    var andMode = true;
    if (!hits.length && parsed.freeRequired >= 2) { hits = this.lunr(parsed.clauses, false); andMode = false; }
    var self = this;
    var found = [];
    hits.forEach(function (hit) {
      var row = parseInt(hit.ref, 10);
      var record = self.records[row];
      if (!accepts(filters, self.docs[record[0]])) return;
      if (parsed.phrases.length) {
        var key = self.phraseKey(row);
        for (var i = 0; i < parsed.phrases.length; i++) {
          if (key.indexOf(" " + parsed.phrases[i] + " ") < 0) return;
        }
      }
      found.push({ key: row, score: hit.score, terms: new Set(Object.keys(hit.matchData.metadata)),
                   document: record[1] === "", doc: record[0] });
    });
    var exact = new Map();
    if (parsed.exact.size) {
      found.forEach(function (f) {
        var words = self.exactWords(f.key);
        var n = 0;
        parsed.exact.forEach(function (w) { if (words.has(w)) n += 1; });
        exact.set(f.key, n);
      });
    }
    var symbolDocs = new Set();
    if (parsed.symbols.size) {
      found.forEach(function (f) {
        if (symbolDocs.has(f.doc)) return;
        var symbols = self.symbols(f.doc);
        for (var s of parsed.symbols) {
          if (symbols.has(s)) { symbolDocs.add(f.doc); break; }
        }
      });
    }
    found = order(found, parsed, andMode, exact, symbolDocs);
    if (limit !== null) found = found.slice(0, limit);
    return found.map(function (f) {
      return self.result(f.key, f.score, highlighted(f, parsed), parsed.phrases);
    });
  };

  Searcher.prototype.result = function (row, score, terms, phrases) {
    var record = this.records[row];
    var doc = this.docs[record[0]];
    var fragment = record[1];
    var text = record[3];
    return {
      ref: fragment ? doc[0] + "#" + fragment : doc[0],
      doc_id: doc[0],
      title: doc[1],
      symbol: doc[2],
      label: record[2],
      snippet: snippet(text, marks(text, terms, phrases)),
      url: url(doc[0], fragment),
      score: score,
      type: doc[3],
      body: doc[4],
      year: doc[5]
    };
  };

  var current = null;

  return {
    load: function (index, store) {
      current = new Searcher(index, store);
      return current;
    },
    query: function (q, filters, options) {
      if (current === null) throw new Error("ArchiveSearch.load(index, store) first");
      return current.query(q, filters, options);
    },
    Searcher: Searcher,
    order: order,
    rounded: rounded,
    FILTERS: FILTERS,
    DEFAULT_LIMIT: DEFAULT_LIMIT,
    highlighted: highlighted,
    lunrHits: lunrHits,
    exactWords: exactWords,
    tokenize: tokenize,
    fold: fold,
    phraseKey: phraseKey,
    trimTerm: trimTerm,
    isStopWord: isStopWord,
    stemTerm: stemTerm,
    processTerm: processTerm,
    relatedTerms: relatedTerms,
    analyze: analyze,
    parseQuery: parseQuery,
    marks: marks,
    snippet: snippet,
    escapeHtml: escapeHtml,
    url: url,
    pipeline: PIPELINE.map(function (entry) { return entry[1]; }),
    lunrVersion: lunr.version,
    snowball: support.snowball
  };
});
