/* PIA Portal search worker: loads the index once, answers queries off the main thread.
 * Messages in:  {type:"init", url} | {type:"query", id, q, filters:{org:[],form:[],kind:[]}, limit}
 * Messages out: {type:"ready", docs} | {type:"results", id, ...} | {type:"error", id, message} */
/* global lunr, PiaTokenize */
importScripts("lunr.js", "tokenize.js");

var T = self.PiaTokenize;
var KIND_ORDER = ["評価書", "システム", "ファイル", "委託先", "提供先", "移転先", "団体", "ページ"];
var GROUPS = ["kind", "form", "org"];
var MAX_EXPANSION = 200;  // a wildcard matching more terms than this is left to the phrase check
var SNIPPET_BEFORE = 40, SNIPPET_LENGTH = 160;

var index = null, docs = null, hay = [], bodyAt = [], wordTerms = [], ready = null, last = null;

function init(url) {
  ready = fetch(url).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }).then(function (payload) {
    if (payload.format !== 1) throw new Error("unknown index format " + payload.format);
    wordTerms = payload.index.invertedIndex.map(function (p) { return p[0]; }).filter(T.isWordTerm);
    index = lunr.Index.load(payload.index);
    docs = payload.docs;
    self.postMessage({ type: "ready", docs: docs.length });
  });
  ready.catch(function (e) { self.postMessage({ type: "error", id: null, message: String(e) }); });
}

/* Folded text a phrase must occur in; fields are separated by a newline, which no phrase contains. */
function haystack(i) {
  if (hay[i] === undefined) {
    var d = docs[i], head = [d.t, d.o, d.f, d.k, d.p].map(T.fold).join("\n") + "\n";
    bodyAt[i] = head.length;
    hay[i] = head + T.fold(d.b);
  }
  return hay[i];
}

/* How many index terms a lookup term stands for (0 means no page can match). */
function expansion(t) {
  if (!t.leading && !t.trailing) return index.invertedIndex[t.term] ? 1 : 0;
  var n = 0;
  for (var i = 0; i < wordTerms.length; i++) {
    var w = wordTerms[i];
    var ok = t.leading && t.trailing ? w.indexOf(t.term) >= 0 : t.leading ? w.endsWith(t.term) : w.startsWith(t.term);
    if (ok) n++;
  }
  return n;
}

/* Candidate pages from lunr (scored), or every page when no lookup term narrows the search. */
function candidates(parts) {
  var terms = [], seen = Object.create(null);
  for (var p = 0; p < parts.length; p++) {
    var list = T.phraseTerms(parts[p]);
    for (var j = 0; j < list.length; j++) {
      var t = list[j], key = (t.leading ? "*" : "") + t.term + (t.trailing ? "*" : "");
      if (seen[key]) continue;
      seen[key] = true;
      var n = expansion(t);
      if (n === 0) return [];
      if (n <= MAX_EXPANSION) terms.push(t);
    }
  }
  if (!terms.length) return docs.map(function (_, i) { return { i: i, score: 0 }; });
  var W = lunr.Query.wildcard;
  return index.query(function (q) {
    terms.forEach(function (t) {
      q.term(t.term, {
        usePipeline: false, presence: lunr.Query.presence.REQUIRED,
        wildcard: (t.leading ? W.LEADING : W.NONE) | (t.trailing ? W.TRAILING : W.NONE)
      });
    });
  }).map(function (r) { return { i: Number(r.ref), score: r.score }; });
}

function search(parts) {
  var key = parts.join(" ");
  if (last && last.key === key) return last.hits;
  var hits = candidates(parts).filter(function (h) {
    var text = haystack(h.i);
    return parts.every(function (p) { return text.indexOf(p) >= 0; });
  });
  hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
  last = { key: key, hits: hits };
  return hits;
}

function values(i, group) {
  var d = docs[i];
  if (group === "kind") return [d.k];
  if (group === "form") return d.f ? [d.f] : [];
  return d.o ? d.o.split("、").filter(Boolean) : [];
}

function passes(i, filters, except) {
  return GROUPS.every(function (g) {
    var wanted = filters[g] || [];
    if (g === except || !wanted.length) return true;
    return values(i, g).some(function (v) { return wanted.indexOf(v) >= 0; });
  });
}

/* Disjunctive facets: a group's counts ignore that group's own selection, so choices can be added. */
function facets(hits, filters) {
  var out = {};
  GROUPS.forEach(function (g) {
    var counts = Object.create(null);
    (filters[g] || []).forEach(function (v) { counts[v] = 0; });
    hits.forEach(function (h) {
      if (passes(h.i, filters, g)) values(h.i, g).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
    });
    out[g] = Object.keys(counts).map(function (v) { return [v, counts[v]]; }).sort(function (a, b) {
      if (g === "kind") return KIND_ORDER.indexOf(a[0]) - KIND_ORDER.indexOf(b[0]);
      return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    });
  });
  return out;
}

/* [[text, marked], ...] for text[start, end) with every occurrence of every phrase marked. */
function segments(text, folded, parts, start, end) {
  var marks = [];
  parts.forEach(function (p) {
    var at = folded.indexOf(p, Math.max(0, start - p.length + 1));
    while (at >= 0 && at < end) {
      marks.push([Math.max(at, start), Math.min(at + p.length, end)]);
      at = folded.indexOf(p, at + 1);
    }
  });
  marks.sort(function (a, b) { return a[0] - b[0]; });
  var out = [], pos = start;
  marks.forEach(function (m) {
    if (m[1] <= pos) return;
    var from = Math.max(m[0], pos);
    if (from > pos) out.push([text.slice(pos, from), false]);
    out.push([text.slice(from, m[1]), true]);
    pos = m[1];
  });
  if (pos < end) out.push([text.slice(pos, end), false]);
  return out;
}

function isLowSurrogate(s, i) {
  var c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

function snippet(i, parts) {
  var body = docs[i].b, folded = haystack(i).slice(bodyAt[i]), first = -1;
  parts.forEach(function (p) {
    var at = folded.indexOf(p);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  });
  var start = first < 0 ? 0 : Math.max(0, first - SNIPPET_BEFORE);
  var end = Math.min(body.length, start + SNIPPET_LENGTH);
  if (start > 0 && isLowSurrogate(body, start)) start++;
  if (end < body.length && isLowSurrogate(body, end)) end++;
  var out = segments(body, folded, parts, start, end);
  if (start > 0) out.unshift(["…", false]);
  if (end < body.length) out.push(["…", false]);
  return out;
}

function answer(msg) {
  var started = Date.now(), parts = T.queryParts(msg.q), filters = msg.filters || {};
  var hits = parts.length ? search(parts) : [];
  var shown = hits.filter(function (h) { return passes(h.i, filters, null); });
  var limit = msg.limit || 50;
  var results = shown.slice(0, limit).map(function (h) {
    var d = docs[h.i];
    return {
      url: d.u, kind: d.k, org: d.o, form: d.f, published: d.p,
      title: segments(d.t, T.fold(d.t), parts, 0, d.t.length), snippet: snippet(h.i, parts)
    };
  });
  return {
    type: "results", id: msg.id, q: msg.q, parts: parts, total: hits.length, count: shown.length,
    results: results, facets: facets(hits, filters), ms: Date.now() - started
  };
}

self.onmessage = function (event) {
  var msg = event.data;
  if (msg.type === "init") { if (!ready) init(msg.url); return; }
  if (msg.type !== "query") return;
  if (!ready) { self.postMessage({ type: "error", id: msg.id, message: "not initialised" }); return; }
  ready.then(function () {
    try {
      self.postMessage(answer(msg));
    } catch (e) {
      self.postMessage({ type: "error", id: msg.id, message: String(e) });
    }
  }, function (e) {
    self.postMessage({ type: "error", id: msg.id, message: String(e) });
  });
};
