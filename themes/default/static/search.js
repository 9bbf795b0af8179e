// guidepost search: the header box on every page and the results page (search/?q=…).
// The index (search/meta.js, search/t/<shard>.js, search/d/<chunk>.js) is loaded as script
// files, so search works from file:// too, and only when the reader starts searching: meta
// first, then the shards of the query's tokens and the chunks of the results shown; parts a
// query will need are fetched while the reader types. search/fold.js, the traditional →
// simplified table, is loaded only when a query has a character the index does not know. Queries are cut to MAX_QUERY characters.
// Nothing from the index or the query is ever inserted as HTML: text goes in via textContent.
(function () {
  "use strict";

  // ------------------------------------------------------------------------------------------
  // Tokenizer: the twin of src/search/tokenize.rs, rule for rule (tests/search.rs compares).

  var MAX_WORD = 32;
  var MAX_QUERY = 64;
  // Traditional → simplified (code point → code point), from search/fold.js: the table the
  // index was folded with (src/search/fold.rs). Empty until a query needs it (see search).
  var TS = new Map();

  function isCjk(c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
  }
  function fold(c) {
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c >= 0x2e80) { var s = TS.get(c); if (s !== undefined) c = s; }
    return c;
  }
  function isDigit(c) { return c >= 0x30 && c <= 0x39; }
  function isAlnum(c) { return isDigit(c) || (c >= 0x61 && c <= 0x7a); }
  function isSpace(c) { return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0; }
  function isNumJoiner(c) { return c === 0x2d || c === 0x2e || c === 0x7e || c === 0x2f; }
  function text(cs, a, b) { return String.fromCodePoint.apply(null, cs.slice(a, b)); }
  function codePoints(s) {
    var cs = [];
    for (var ch of s) cs.push(fold(ch.codePointAt(0)));
    return cs;
  }
  function allDigits(cs, a, b) {
    for (var k = a; k < b; k++) if (!isDigit(cs[k])) return false;
    return true;
  }

  function tokenize(s) {
    var cs = codePoints(String(s));
    var out = [];
    var prev = null; // [start, end) of the previous ASCII word, while it may join the next
    var i = 0;
    while (i < cs.length) {
      var c = cs[i];
      if (isCjk(c)) {
        prev = null;
        var run = [];
        while (i < cs.length) {
          if (isCjk(cs[i])) { run.push(cs[i]); i++; } else if (isSpace(cs[i])) {
            var j = i;
            while (j < cs.length && isSpace(cs[j])) j++;
            if (j < cs.length && isCjk(cs[j])) i = j; else break;
          } else break;
        }
        for (var k = 0; k < run.length; k++) {
          out.push(text(run, k, k + 1));
          if (k + 1 < run.length) out.push(text(run, k, k + 2));
        }
      } else if (isAlnum(c)) {
        var start = i;
        while (i < cs.length && isAlnum(cs[i])) i++;
        if (i - start > MAX_WORD) { prev = null; continue; }
        out.push(text(cs, start, i));
        var hasDigit = false, hasAlpha = false;
        for (var m = start; m < i; m++) { if (isDigit(cs[m])) hasDigit = true; else hasAlpha = true; }
        if (hasDigit && hasAlpha) {
          var p = start;
          while (p < i) {
            var d = isDigit(cs[p]), s0 = p;
            while (p < i && isDigit(cs[p]) === d) p++;
            out.push(text(cs, s0, p));
          }
        }
        if (prev) {
          var spaces = true;
          for (var g = prev[1]; g < start; g++) if (!isSpace(cs[g])) spaces = false;
          if (spaces) {
            if ((prev[1] - prev[0]) + (i - start) <= MAX_WORD) {
              out.push(text(cs, prev[0], prev[1]) + text(cs, start, i));
            }
          } else if (start - prev[1] === 1 && isNumJoiner(cs[prev[1]]) &&
                     allDigits(cs, prev[0], prev[1]) && allDigits(cs, start, i)) {
            out.push(text(cs, prev[0], i));
          }
        }
        prev = [start, i];
      } else if (isSpace(c)) {
        i++;
      } else {
        if (!(isNumJoiner(c) && i + 1 < cs.length && isDigit(cs[i + 1]))) prev = null;
        i++;
      }
    }
    return out;
  }

  function hash(token) {
    var h = 0x811c9dc5;
    for (var ch of token) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    return h;
  }

  function isSingleCjk(t) {
    var cs = Array.from(t);
    return cs.length === 1 && isCjk(cs[0].codePointAt(0));
  }

  // The tokens a query looks up: all of them, except a single CJK character that a pair of
  // the query already covers (the body keeps pairs only; see src/search/lunr.rs).
  function queryTokens(q) {
    var all = tokenize(q), seen = {}, covered = {}, out = [];
    all.forEach(function (t) {
      if (!isSingleCjk(t) && Array.from(t).length === 2 && isCjk(t.codePointAt(0))) {
        Array.from(t).forEach(function (ch) { covered[ch] = true; });
      }
    });
    all.forEach(function (t) {
      if (seen[t] || (isSingleCjk(t) && covered[t])) return;
      seen[t] = true;
      out.push(t);
    });
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Index parts, loaded as scripts.

  var script = document.currentScript;
  var siteRoot = new URL("../", script ? script.src : location.href).href;
  var indexBase = siteRoot + "search/";
  var store = { meta: null, shards: {}, chunks: {} };
  var loading = {};

  window.guidepostSearch = {
    m: function (meta) { store.meta = meta; },
    t: function (n, tokens) { store.shards[n] = tokens; },
    d: function (n, docs) { store.chunks[n] = docs; },
    f: function (keys, values) {
      var ks = decodeSet(keys), vs = Array.from(values);
      ks.forEach(function (k, i) { TS.set(k, vs[i].codePointAt(0)); });
    },
  };

  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        var v = store.meta ? "?v=" + encodeURIComponent(store.meta.id) : "";
        el.src = indexBase + path + v;
        el.async = true;
        el.onload = function () { resolve(); };
        el.onerror = function () { delete loading[path]; reject(new Error("cannot load " + path)); };
        document.head.appendChild(el);
      });
    }
    return loading[path];
  }
  function loadMeta() { return load("meta.js").then(function () { return store.meta; }); }
  // The query as searched: trimmed, at most MAX_QUERY characters.
  function capQuery(q) {
    var cs = Array.from(String(q).trim());
    return cs.length > MAX_QUERY ? cs.slice(0, MAX_QUERY).join("").trim() : cs.join("");
  }

  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  // A document set as written by src/search/encode.rs `encode_set`.
  function decodeSet(s) {
    var out = [];
    if (!s) return out;
    if (s.charAt(0) === "~") {
      for (var i = 1; i < s.length; i++) {
        var bits = B64.indexOf(s.charAt(i));
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) out.push((i - 1) * 6 + b);
      }
      return out;
    }
    var prev = -1, v = 0, shift = 0;
    for (var k = 0; k < s.length; k++) {
      var x = B64.indexOf(s.charAt(k));
      v += (x & 31) * Math.pow(2, shift);
      if (x & 32) { shift += 5; continue; }
      prev += v; out.push(prev); v = 0; shift = 0;
    }
    return out;
  }

  // Field weights: a match in the title (question, term, step) ranks far above the body.
  var WEIGHTS = [10, 4, 1, 1];

  // Meta and the shards of `q`'s tokens: what searching `q` will need.
  function loadFor(q) {
    return loadMeta().then(function (meta) {
      var tokens = queryTokens(q), need = {};
      tokens.forEach(function (t) { need[hash(t) % meta.shards] = true; });
      return Promise.all(Object.keys(need).map(function (n) { return load("t/" + n + ".js"); }))
        .then(function () { return { meta: meta, tokens: tokens }; });
    });
  }

  // Is there a CJK character in `tokens` that no token holding it finds? Then it may be
  // traditional: the index holds simplified text only.
  function unknownChar(meta, tokens) {
    var known = {}, chars = {};
    tokens.forEach(function (t) {
      var found = !!(store.shards[hash(t) % meta.shards] || {})[t];
      Array.from(t).forEach(function (ch) {
        if (ch.codePointAt(0) < 0x2e80) return;
        chars[ch] = true;
        if (found) known[ch] = true;
      });
    });
    return Object.keys(chars).some(function (ch) { return !known[ch]; });
  }

  // Search `q`; when a character is unknown and the folding table not loaded yet, load it
  // and search the folded query (保證金 → 保证金).
  function search(q) {
    q = capQuery(q);
    if (!q) return Promise.resolve({ tokens: [], hits: [] });
    return loadFor(q).then(function (r) {
      if (TS.size || !unknownChar(r.meta, r.tokens)) return r;
      return load("fold.js").then(function () { return loadFor(q); });
    }).then(function (r) { return rank(r.meta, r.tokens); });
  }

  // Fetch what searching `q` needs, so the query that follows does not wait (errors are
  // left to the search itself).
  function prefetch(q) {
    q = capQuery(q);
    if (q) search(q).catch(function () {});
  }

  // Score: each token's idf times the weight of each field it is in, times the square of
  // the share of the query's idf the document covers; a title the query matches exactly
  // (the title's tokens are the query's) counts twice. Equal scores: the title the
  // query covers most, then the shorter title, then document order.
  function rank(meta, tokens) {
    var score = {}, cover = {}, titleIdf = {}, titleHits = {}, titleLen = {}, total = 0;
    tokens.forEach(function (t) {
      var entry = (store.shards[hash(t) % meta.shards] || {})[t] || [];
      var sets = entry.slice(0, 4).map(decodeSet), lens = entry[4] || "";
      var df = 0;
      sets.forEach(function (s) { df = Math.max(df, s.length); });
      var idf = Math.log(1 + meta.docs / (df + 1));
      total += idf;
      var seen = {};
      sets.forEach(function (set, f) {
        set.forEach(function (doc, i) {
          score[doc] = (score[doc] || 0) + idf * WEIGHTS[f];
          if (!seen[doc]) { seen[doc] = true; cover[doc] = (cover[doc] || 0) + idf; }
          if (f === 0) {
            titleIdf[doc] = (titleIdf[doc] || 0) + idf;
            titleHits[doc] = (titleHits[doc] || 0) + 1;
            titleLen[doc] = Math.max(1, B64.indexOf(lens.charAt(i)));
          }
        });
      });
    });
    var hits = Object.keys(score).map(function (d) {
      var c = total ? cover[d] / total : 0;
      var fit = titleHits[d] ? Math.min(1, titleHits[d] / titleLen[d]) : 0;
      var exact = fit === 1 && titleHits[d] === tokens.length ? WEIGHTS[0] * titleIdf[d] : 0;
      var s = (score[d] + exact) * c * c;
      return { doc: +d, score: s, fit: fit, len: titleLen[d] || 64 };
    });
    hits.sort(function (a, b) {
      return b.score - a.score || b.fit - a.fit || a.len - b.len || a.doc - b.doc;
    });
    return { tokens: tokens, hits: hits };
  }

  // The documents of `hits` (loads their chunks); each as an object.
  function docsOf(hits) {
    var meta = store.meta, need = {};
    hits.forEach(function (h) { need[Math.floor(h.doc / meta.chunk)] = true; });
    return Promise.all(Object.keys(need).map(function (n) { return load("d/" + n + ".js"); }))
      .then(function () {
        return hits.map(function (h) {
          var row = store.chunks[Math.floor(h.doc / meta.chunk)][h.doc % meta.chunk];
          return {
            url: row[0], title: row[1], context: row[2], kind: meta.kinds[row[3]] || "",
            platform: row[4] >= 0 ? meta.platforms[row[4]] : "", text: row[5],
          };
        });
      });
  }

  // ------------------------------------------------------------------------------------------
  // Showing results.

  function isFile() { return location.protocol === "file:"; }

  // An index URL (site-root-relative, maybe with #anchor) as an absolute link.
  function href(url) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.charAt(0) === "/") return siteRoot;
    var parts = url.split("#");
    if (isFile() && (parts[0] === "" || /\/$/.test(parts[0]))) parts[0] += "index.html";
    return siteRoot + parts.join("#");
  }
  function resultsUrl(q) {
    return siteRoot + "search/" + (isFile() ? "index.html" : "") + "?q=" + encodeURIComponent(q);
  }

  // Which characters of `s` match a query token, as a boolean per code point.
  function marks(chars, tokens) {
    var folded = chars.map(function (ch) { return fold(ch.codePointAt(0)); });
    var hit = chars.map(function () { return false; });
    tokens.forEach(function (t) {
      var tc = codePoints(t);
      for (var i = 0; i + tc.length <= folded.length; i++) {
        var ok = true;
        for (var k = 0; k < tc.length && ok; k++) ok = folded[i + k] === tc[k];
        if (ok) for (var m = 0; m < tc.length; m++) hit[i + m] = true;
      }
    });
    return hit;
  }

  // Where a window of `max` characters shows the most matched characters: it starts a
  // little before a match, at the match that gives the most.
  function windowStart(hit, max) {
    var best = 0, bestCount = -1;
    for (var i = 0; i < hit.length; i++) {
      if (!hit[i] || (i > 0 && hit[i - 1])) continue;
      var from = Math.max(0, Math.min(i - 16, hit.length - max)), count = 0;
      for (var k = from; k < from + max && k < hit.length; k++) if (hit[k]) count++;
      if (count > bestCount) { best = from; bestCount = count; }
    }
    return best;
  }

  // Append `s` to `el` with the matched words in <mark>, cut to a window of `max` characters
  // around the matches (0: whole text).
  function highlighted(el, s, tokens, max) {
    var chars = Array.from(s || "");
    var hit = marks(chars, tokens);
    var from = 0, to = chars.length;
    if (max && chars.length > max) {
      from = windowStart(hit, max);
      to = Math.min(chars.length, from + max);
    }
    if (from > 0) el.appendChild(document.createTextNode("…"));
    var i = from;
    while (i < to) {
      var j = i;
      while (j < to && hit[j] === hit[i]) j++;
      var piece = chars.slice(i, j).join("");
      if (hit[i]) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        el.appendChild(mark);
      } else {
        el.appendChild(document.createTextNode(piece));
      }
      i = j;
    }
    if (to < chars.length) el.appendChild(document.createTextNode("…"));
    return el;
  }

  function span(cls, s) {
    var el = document.createElement("span");
    el.className = cls;
    el.textContent = s;
    return el;
  }

  // One result: a link with kind, platform, title and snippet.
  function resultItem(doc, tokens, id) {
    var li = document.createElement("li");
    li.className = "search-result";
    if (id) { li.id = id; li.setAttribute("role", "option"); }
    var a = document.createElement("a");
    a.setAttribute("href", href(doc.url));
    var meta = document.createElement("span");
    meta.className = "search-meta";
    meta.appendChild(span("search-kind", doc.kind));
    if (doc.platform) meta.appendChild(span("search-platform", doc.platform));
    if (doc.context) meta.appendChild(span("search-context", doc.context));
    a.appendChild(meta);
    a.appendChild(highlighted(span("search-title", ""), doc.title, tokens, 0));
    if (doc.text) a.appendChild(highlighted(span("search-snippet", ""), doc.text, tokens, 90));
    li.appendChild(a);
    return li;
  }

  // The message for no results: suggest the decision trees and the FAQ lists.
  function emptyMessage(q) {
    var box = document.createElement("div");
    box.className = "search-empty";
    var p = document.createElement("p");
    p.textContent = "没有找到与“" + q + "”相关的内容。试试换个说法，或从决策树和常见问题入手：";
    box.appendChild(p);
    var ul = document.createElement("ul");
    ((store.meta && store.meta.suggest) || []).forEach(function (s) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.setAttribute("href", href(s[1]));
      a.textContent = s[0];
      li.appendChild(a);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }

  // ------------------------------------------------------------------------------------------
  // The header box: results as you type, ↑ ↓ Enter Esc, `/` to focus.

  var DROPDOWN = 8;

  function headerBox(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var panel = document.createElement("div");
    panel.className = "search-panel";
    panel.id = "search-panel";
    panel.hidden = true;
    form.appendChild(panel);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", panel.id);
    input.setAttribute("aria-autocomplete", "list");
    var active = -1, seq = 0, timer = null;

    function options() { return panel.querySelectorAll("[role=option]"); }
    function setActive(n) {
      var opts = options();
      if (!opts.length) return;
      active = (n + opts.length) % opts.length;
      opts.forEach(function (o, i) { o.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }
    function close() {
      panel.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function show(nodes, q) {
      panel.textContent = "";
      panel.setAttribute("data-query", q);
      nodes.forEach(function (n) { panel.appendChild(n); });
      panel.hidden = false;
      active = -1;
      input.setAttribute("aria-expanded", "true");
      input.removeAttribute("aria-activedescendant");
    }
    function run() {
      var q = capQuery(input.value);
      var mine = ++seq;
      if (!q) { close(); return; }
      search(q).then(function (res) {
        return docsOf(res.hits.slice(0, DROPDOWN)).then(function (docs) {
          if (mine !== seq) return;
          if (!docs.length) { show([emptyMessage(q)], q); return; }
          var ul = document.createElement("ul");
          ul.setAttribute("role", "listbox");
          ul.setAttribute("aria-label", "搜索结果");
          docs.forEach(function (d, i) { ul.appendChild(resultItem(d, res.tokens, "search-opt-" + i)); });
          var all = document.createElement("a");
          all.className = "search-all";
          all.setAttribute("href", resultsUrl(q));
          all.textContent = "查看全部 " + res.hits.length + " 条结果";
          show([ul, all], q);
        });
      }).catch(function () {
        if (mine === seq) show([span("search-error", "搜索索引加载失败，请刷新页面重试。")], q);
      });
    }

    input.maxLength = MAX_QUERY;
    input.addEventListener("focus", function () { loadMeta().catch(function () {}); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (panel.hidden) return;
        e.preventDefault();
        setActive(active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Escape") {
        if (!panel.hidden) { e.preventDefault(); close(); } else { input.blur(); }
      } else if (e.key === "Enter" && active >= 0 && !panel.hidden) {
        e.preventDefault();
        var link = options()[active].querySelector("a");
        if (link) location.href = link.href;
      }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var q = capQuery(input.value);
      if (q) location.href = resultsUrl(q);
    });
    document.addEventListener("click", function (e) {
      if (!form.contains(e.target)) close();
    });
  }

  // The / shortcut works where this script runs; name it where there is a keyboard to press it.
  var headerInput = document.querySelector(".site-search input[name=q]");
  if (headerInput && window.matchMedia && matchMedia("(hover: hover) and (pointer: fine)").matches) {
    headerInput.placeholder = "搜索（按 / 键）";
  }

  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var input = document.querySelector(".site-search input[name=q]");
    if (!input) return;
    e.preventDefault();
    input.focus();
  });

  // ------------------------------------------------------------------------------------------
  // The results page.

  // Results shown at first, and added by each "更多结果" (or when it scrolls into view).
  var PAGE = 10;

  function resultsPage(list) {
    var input = document.getElementById("search-page-q");
    var status = document.getElementById("search-status");
    var suggest = document.getElementById("search-suggest");
    var q = capQuery(new URLSearchParams(location.search).get("q") || "");
    var header = document.querySelector(".site-search input[name=q]");
    if (input) input.value = q;
    if (header) header.value = q;
    if (input && input.form) {
      var timer = null;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { prefetch(input.value); }, 150);
      });
      input.form.addEventListener("submit", function (e) {
        e.preventDefault();
        var v = capQuery(input.value);
        if (v) location.href = resultsUrl(v);
      });
    }
    if (!q) {
      status.textContent = "输入问题或关键词开始搜索。";
      // Nothing searched yet: the suggestions are a place to start, not a consolation.
      if (suggest) suggest.querySelector("h2").textContent = "不知道从哪里找？";
      return;
    }
    status.textContent = "正在搜索……";
    search(q).then(function (res) {
      list.textContent = "";
      if (!res.hits.length) {
        status.textContent = "没有找到与“" + q + "”相关的内容。";
        if (suggest) suggest.hidden = false;
        return;
      }
      if (suggest) suggest.hidden = true;
      status.textContent = "“" + q + "”：找到 " + res.hits.length + " 条结果。";
      return moreResults(list, res);
    }).catch(function () {
      status.textContent = "搜索索引加载失败，请刷新页面重试。";
    });
  }

  // Show the next PAGE results of `res` in `list`, then a "更多结果" button while some are
  // left (pressed when it scrolls into view); the chunks of the batch after are prefetched.
  function moreResults(list, res) {
    var shown = list.querySelectorAll(".search-result").length;
    var old = list.parentNode.querySelector(".search-more");
    if (old) old.disabled = true;
    return docsOf(res.hits.slice(shown, shown + PAGE)).then(function (docs) {
      docs.forEach(function (d) { list.appendChild(resultItem(d, res.tokens, "")); });
      if (old) old.remove();
      var left = res.hits.length - shown - docs.length;
      if (left <= 0) return;
      docsOf(res.hits.slice(shown + PAGE, shown + 2 * PAGE)).catch(function () {});
      var more = document.createElement("button");
      more.type = "button";
      more.className = "search-more";
      more.textContent = "更多结果（还有 " + left + " 条）";
      more.addEventListener("click", function () { moreResults(list, res); });
      list.parentNode.insertBefore(more, list.nextSibling);
      if ("IntersectionObserver" in window) {
        var seen = new IntersectionObserver(function (entries) {
          if (entries.some(function (e) { return e.isIntersecting; }) && !more.disabled) {
            seen.disconnect();
            moreResults(list, res);
          }
        });
        seen.observe(more);
      }
    });
  }

  document.querySelectorAll("form.site-search").forEach(headerBox);
  var list = document.getElementById("search-results");
  if (list) resultsPage(list);

  window.guidepostSearch.tokenize = tokenize;
  window.guidepostSearch.queryTokens = queryTokens;
  window.guidepostSearch.query = function (q) {
    return search(q).then(function (res) { return docsOf(res.hits.slice(0, 10)); });
  };
})();
