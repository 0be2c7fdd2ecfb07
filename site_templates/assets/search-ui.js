/* The archive's search box: loads the search scripts and search/meta.json lazily (first
   focus or keystroke), then each query fetches only the parts of the sharded index it needs
   (ArchiveShards, assets/search/search-shards.js: its terms' postings, then the texts of the
   results shown; as you type, the postings of the words typed in full are fetched before
   the pause ends), and shows
   the results grouped by document (the document once, its best paragraphs, each
   linking to the exact paragraph) with the true number of documents and paragraphs. Keyboard: Down/Up move through the
   results, Escape closes; a live region announces the number of results. */
(function () {
  "use strict";
  var root = document.querySelector("[data-archive-search]");
  if (!root) { return; }
  var base = (root.getAttribute("data-base") || ".").replace(/\/$/, "");
  var input = root.querySelector("input");
  var panel = root.querySelector(".archive-search__panel");
  var list = root.querySelector("[data-search-results]");
  var status = root.querySelector("[data-search-status]");
  var selects = root.querySelectorAll("select[data-filter]");
  var pageHost = document.querySelector("[data-archive-search-page]");
  var loading = null, timer = null, shards = null, runs = 0;
  var SCRIPTS = ["lunr.js", "search-support.js", "search.js", "search-shards.js"];
  var HITS_PER_DOC = 3, PAGE_DOCS = pageHost ? 50 : 20;  /* documents shown: the panel, or a page of the page */
  var FIRST_DOCS = 5;  /* shown as soon as their texts are in, before the others' (slow networks) */
  var PAUSE = 10;  /* ms without a keystroke before a query runs: a paste or a burst of keys (an input method,
                     autocompletion) runs one query; a typist, at 100 ms a key or more, gets one a key, as
                     with any pause shorter than that */
  var shownDocs = PAGE_DOCS, lastQuery = "";

  if (pageHost) { pageHost.appendChild(panel); panel.classList.add("is-page"); }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = src; el.async = false;  /* fetched together, run in order */
      el.onload = resolve; el.onerror = function () { reject(new Error(src)); };
      document.head.appendChild(el);
    });
  }

  function json(path) {
    return fetch(base + "/" + path).then(function (r) {
      if (!r.ok) { throw new Error(path + ": " + r.status); }
      return r.json();
    });
  }

  function load() {
    if (!loading) {
      status.textContent = "Chargement de la recherche…";
      var meta = json("search/meta.json");
      loading = Promise.all(SCRIPTS.map(function (name) { return script(base + "/assets/search/" + name); }))
        .then(function () {
          shards = window.ArchiveShards.open(function (path) { return path === "search/meta.json" ? meta : json(path); });
          return shards.ready();
        })
        .then(function (data) {
          fillFilters(data.labels);
          status.textContent = "";
          return shards;
        });
      loading.catch(function () { status.textContent = "La recherche n’a pas pu être chargée."; });
    }
    return loading;
  }

  function fillFilters(facets) {
    var sources = { type: facets.types, body: facets.bodies, year: null };
    selects.forEach(function (select) {
      var key = select.getAttribute("data-filter");
      var values = key === "year" ? facets.years : Object.keys(sources[key] || {}).sort();
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = key === "year" ? value : sources[key][value];
        select.appendChild(option);
      });
    });
  }

  function filters() {
    var out = {};
    selects.forEach(function (s) { if (s.value) { out[s.getAttribute("data-filter")] = s.value; } });
    return out;
  }

  function open(flag) {
    if (pageHost) { panel.hidden = false; return; }
    panel.hidden = !flag;
    input.setAttribute("aria-expanded", flag ? "true" : "false");
  }

  function span(className, text) {
    var el = document.createElement("span");
    el.className = className;
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function plural(n, one, many) { return n + " " + (n > 1 ? many : one); }

  /* Every match grouped by document, in the order of each document's best hit. */
  function group(found) {
    var groups = [], byDoc = new Map();
    found.forEach(function (f) {
      var g = byDoc.get(f.doc);
      if (!g) { g = { first: f, hits: [] }; byDoc.set(f.doc, g); groups.push(g); }
      if (!f.document) { g.hits.push(f); }
    });
    return groups;
  }

  /* The matches shown: per group shown, its best hit (for the document line) and best paragraphs. */
  function shownHits(groups) {
    var out = [];
    groups.forEach(function (g) {
      out.push(g.first);
      g.hits.slice(0, HITS_PER_DOC).forEach(function (h) { if (h !== g.first) { out.push(h); } });
    });
    return out;
  }

  /* Results grouped by document: the document once (a link to its top), then its best
     paragraphs, then how many more it holds. *total*: the true numbers of documents and
     paragraphs; *shown* maps a match to its result (texts fetched);
     until *complete*, only the first documents are there, and the status waits for the rest (and,
     for several common words, says the counts are coming: *total* is null until then). */
  function render(q, groups, total, shown, complete) {
    list.textContent = "";
    list.setAttribute("data-query", q);
    groups.slice(0, shownDocs).forEach(function (g) {
      var first = shown.get(g.first);
      if (!first) { return; }
      var item = document.createElement("li");
      item.className = "archive-search__group";
      var head = document.createElement("a");
      head.href = base + "/documents/" + encodeURIComponent(first.doc_id) + "/";
      head.className = "archive-search__result archive-search__result--doc";
      head.appendChild(span("archive-search__doc", (first.symbol ? first.symbol + " — " : "") + first.title));
      head.appendChild(span("archive-search__where", g.hits.length
        ? plural(g.hits.length, "paragraphe trouvé", "paragraphes trouvés") : "document (titre ou cote)"));
      item.appendChild(head);
      g.hits.slice(0, HITS_PER_DOC).forEach(function (h) {
        var r = shown.get(h);
        var link = document.createElement("a");
        link.href = base + "/" + r.url;
        link.className = "archive-search__result archive-search__result--para";
        var snippet = span("archive-search__snippet");
        snippet.innerHTML = r.snippet; /* escaped by ArchiveSearch, matches in <mark> */
        link.appendChild(span("archive-search__where", r.label));
        link.appendChild(snippet);
        item.appendChild(link);
      });
      if (g.hits.length > HITS_PER_DOC) {
        item.appendChild(span("archive-search__more",
          plural(g.hits.length - HITS_PER_DOC, "autre paragraphe", "autres paragraphes") + " dans ce document"));
      }
      list.appendChild(item);
    });
    if (!complete) {
      if (total.docs === null) { status.textContent = "Premiers documents trouvés ; décompte en cours…"; }
      return;
    }
    if (total.docs > shownDocs) {
      var more = document.createElement("li");
      var next = document.createElement("a");
      if (pageHost) {  /* the results page: the next documents, on the same page */
        next.href = "#";
        next.addEventListener("click", function (event) { event.preventDefault(); shownDocs += PAGE_DOCS; run(); });
      } else {  /* the header box: the full results page, which can be shared */
        next.href = resultsUrl(q);
      }
      next.className = "archive-search__result archive-search__next";
      next.textContent = pageHost ? "Documents suivants" : "Tous les résultats sur la page de recherche";
      more.appendChild(next);
      list.appendChild(more);
    }
    status.textContent = total.docs
      ? plural(total.docs, "document", "documents") + ", " + plural(total.paragraphs, "paragraphe", "paragraphes") +
        " pour « " + q + " »" + (total.docs > shownDocs ? " (les " + shownDocs + " premiers documents affichés)" : "")
      : "Aucun résultat pour « " + q + " ». Essayez sans accents ni guillemets, ou retirez un filtre.";
  }

  /* The results page's address for q and the filters: what Enter opens, and what can be shared. */
  function resultsQuery(q) {
    var params = new URLSearchParams({ q: q });
    var f = filters();
    Object.keys(f).forEach(function (k) { params.set(k, f[k]); });
    return "?" + params.toString();
  }

  function resultsUrl(q) { return base + "/recherche/" + resultsQuery(q); }

  function run() {
    var q = input.value.trim();
    if (q !== lastQuery) { shownDocs = PAGE_DOCS; lastQuery = q; }
    if (pageHost && window.history.replaceState) {
      window.history.replaceState(null, "", q ? resultsQuery(q) : window.location.pathname);
    }
    var seq = ++runs;
    if (!q) { list.textContent = ""; status.textContent = ""; open(false); return; }
    load().then(function (search) {
      /* the matches of the documents shown (a common word's head may do) and the true counts */
      return search.hits(q, filters(), { groups: shownDocs }).then(function (out) {
        var groups = group(out.found);
        var total = { docs: out.docs, paragraphs: out.paragraphs };
        var shown = new Map();
        function fetchTexts(hits) {  /* texts of the shown results only */
          return search.results(out.parsed, hits).then(function (results) {
            hits.forEach(function (h, i) { shown.set(h, results[i]); });
          });
        }
        var first = shownHits(groups.slice(0, Math.min(FIRST_DOCS, shownDocs)));
        var rest = shownHits(groups.slice(Math.min(FIRST_DOCS, shownDocs), shownDocs));
        /* several common words: the counts come from the record sets, fetched once the documents are shown */
        var counting = out.paragraphs === null ? out.counts : null;
        return fetchTexts(first).then(function () {
          if (seq !== runs) { return; }  /* a newer query is running */
          open(true);
          render(q, groups, total, shown, !rest.length && !counting);
          if (!rest.length && !counting) { return; }
          return fetchTexts(rest).then(function () {  /* the others once the first are on screen */
            if (seq !== runs) { return; }
            render(q, groups, total, shown, !counting);
            if (!counting) { return; }
            return counting().then(function (counts) {
              if (seq !== runs) { return; }
              total = { docs: counts.docs, paragraphs: counts.paragraphs };
              render(q, groups, total, shown, true);
            });
          });
        });
      });
    }).catch(function () { if (seq === runs) { status.textContent = "La recherche n’a pas pu aboutir."; } });
  }

  function schedule() { window.clearTimeout(timer); timer = window.setTimeout(run, PAUSE); }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  function move(delta) {
    var all = links(), i = all.indexOf(document.activeElement);
    if (!all.length) { return; }
    if (i === -1) { (delta > 0 ? all[0] : all[all.length - 1]).focus(); return; }
    var next = i + delta;
    if (next < 0) { input.focus(); return; }
    all[Math.min(next, all.length - 1)].focus();
  }

  input.addEventListener("focus", function () { load(); if (input.value.trim()) { open(true); } });
  input.addEventListener("input", function () {
    var typed = input.value, done = typed.replace(/\S+$/, "");  /* the words already typed in full */
    if (shards && done.trim()) { shards.prefetch(done); }  /* their postings, while the reader types on */
    schedule();
  });
  selects.forEach(function (s) { s.addEventListener("change", run); });
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value.trim();
    if (!pageHost) { if (q) { window.location.href = resultsUrl(q); } return; }  /* Enter: the full results page */
    run();
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape" && !pageHost) { open(false); input.focus(); }
  });
  document.addEventListener("click", function (event) {
    if (!pageHost && !root.contains(event.target)) { open(false); }
  });

  var params = new URLSearchParams(window.location.search);
  if (pageHost && params.get("q")) {
    input.value = params.get("q");
    load().then(function () {  /* the filters of a shared address, once their options exist */
      selects.forEach(function (s) { var v = params.get(s.getAttribute("data-filter")); if (v) { s.value = v; } });
      run();
    });
  }
})();
