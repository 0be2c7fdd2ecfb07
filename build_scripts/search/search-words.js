  /* ---- search-words.js: what a snippet marks besides the query's own terms -------------------
   * Included into search.js by build_scripts/search/assets.py (at the line that names this file):
   * it runs inside that file's factory, with its helpers (support, processTerm, trimTerm, fold).
   * The Python twins are build_scripts/search/english.py (related_terms) and acronyms.py (names_of).
   */
  /* English inflections: the terms a word of an English text may be indexed under besides its own
     (build_scripts/search/english.py's related_terms, rule for rule): what a snippet marks. */
  var AMBIGUOUS = new Set(support.englishAmbiguous);
  var ACRONYM_NAMES = support.acronymNames;  // index term of an acronym -> phrase keys of the names
  var IRREGULAR = support.englishIrregular;  // form -> lemma
  var IRREGULAR_FORMS = {};  // lemma -> forms, in the order of the sorted forms
  Object.keys(IRREGULAR).sort().forEach(function (form) {
    (IRREGULAR_FORMS[IRREGULAR[form]] = IRREGULAR_FORMS[IRREGULAR[form]] || []).push(form);
  });
  var ENGLISH_WORD = /^[A-Za-z]{3,}$/;
  var relatedCache = new Map();

  function isVowel(c) { return "aeiou".indexOf(c) >= 0; }
  function ends(w, s) { return w.slice(-s.length) === s; }

  function candidates(w) {
    var out = Object.prototype.hasOwnProperty.call(IRREGULAR, w) ? [IRREGULAR[w]] : [];
    var n = w.length;
    if (ends(w, "ies") && n > 4) out.push(w.slice(0, -3) + "y");
    if (ends(w, "ied") && n > 4) out.push(w.slice(0, -3) + "y");
    if (ends(w, "es") && n > 4) out.push(w.slice(0, -1), w.slice(0, -2));
    else if (ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is") && n > 3) out.push(w.slice(0, -1));
    if (ends(w, "ed") && n >= 5) {
      out.push(w.slice(0, -1), w.slice(0, -2));
      if (w[n - 3] === w[n - 4] && !isVowel(w[n - 3])) out.push(w.slice(0, -3));
    }
    if (ends(w, "ing") && n >= 6) {
      out.push(w.slice(0, -3) + "e", w.slice(0, -3));
      if (w[n - 4] === w[n - 5] && !isVowel(w[n - 4])) out.push(w.slice(0, -4));
    }
    out.slice().forEach(function (c) {  // "womens" -> "women" -> "woman"
      if (Object.prototype.hasOwnProperty.call(IRREGULAR, c)) out.push(IRREGULAR[c]);
    });
    return out.filter(function (c) { return c.length >= 3; });
  }

  function inflections(b) {
    var out = [b, b + "s"];
    if (/(s|x|z|ch|sh)$/.test(b)) out.push(b + "es");
    if (ends(b, "y") && b.length > 2 && !isVowel(b[b.length - 2])) out.push(b.slice(0, -1) + "ies", b.slice(0, -1) + "ied");
    if (ends(b, "e")) out.push(b + "d", b.slice(0, -1) + "ing");
    else out.push(b + "ed", b + "ing", b + b[b.length - 1] + "ed", b + b[b.length - 1] + "ing");
    return Object.prototype.hasOwnProperty.call(IRREGULAR_FORMS, b) ? out.concat(IRREGULAR_FORMS[b]) : out;
  }

  function relatedTerms(word) {
    var hit = relatedCache.get(word);
    if (hit !== undefined) return hit;
    var own = processTerm(word);
    var out = new Set();
    if (own !== null) {
      out.add(own);
      var w = trimTerm(word);
      if (ENGLISH_WORD.test(w)) {
        [w].concat(candidates(w)).forEach(function (base) {
          inflections(base).forEach(function (f) {
            var t = processTerm(f);
            if (t !== null && !AMBIGUOUS.has(t)) out.add(t);
          });
        });
      }
    }
    if (relatedCache.size >= 65536) relatedCache.clear();
    relatedCache.set(word, out);
    return out;
  }

  function marksWord(term, terms) {
    if (terms.has(processTerm(term))) return true;
    var related = relatedTerms(term.toLowerCase());
    for (var t of related) if (terms.has(t)) return true;
    return false;
  }

  /* The phrase keys of the names the acronyms among *terms* stand for (acronyms.py's names_of). */
  function acronymNames(terms) {
    var names = new Set();
    terms.forEach(function (t) {
      if (Object.prototype.hasOwnProperty.call(ACRONYM_NAMES, t)) ACRONYM_NAMES[t].forEach(function (k) { names.add(k); });
    });
    return names;
  }
