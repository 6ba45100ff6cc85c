/* PIA Portal search worker: answers queries from the split index, off the main thread.
 * In:  {type:"init", url} | {type:"query", id, q, filters:{org:[],form:[],kind:[]}, limit} | {type:"stats"}
 * Out: {type:"ready"} | {type:"progress", id, stage, done, total} | {type:"results", id, final, ...}
 *      | {type:"error", id, message} | {type:"stats", resources:[[url, transfer, encoded, decoded]]}
 * A query's results come twice or more: first with the list and counts (snippets null) as soon as they are
 * known, then with snippets as page texts arrive; the last message has final: true. */
/* global PiaTokenize, PiaStore, PiaText */
// The published worker.js is these three files and this one joined (one request instead of four).
if (!self.PiaText) importScripts("tokenize.js", "store.js", "text.js");

var T = self.PiaTokenize, S = self.PiaStore, X = self.PiaText;
var GROUPS = ["kind", "form", "org"];
var VERIFY_ALL = 150;  // up to this many unsure pages are all verified (exact count); beyond, in rank order
var CONCURRENCY = 6;

var ready = null, manifest = null, facetsOf = null, synonymOf = Object.create(null), last = null, latest = 0;

function init(url) {
  ready = S.init(url).then(function (got) {
    manifest = got.manifest;
    facetsOf = got.facets;
    manifest.synonyms.forEach(function (group) {
      var norm = group.map(T.normalize);
      norm.forEach(function (t) { synonymOf[t] = norm; });
    });
    self.postMessage({ type: "ready", docs: manifest.docs });
  });
  ready.catch(function (e) { self.postMessage({ type: "error", id: null, message: String(e) }); });
}

/* Query parts: "…" is one literal phrase without synonyms; other words also match their synonyms. */
function parseQuery(q) {
  var text = T.normalize(q || ""), re = /"([^"]*)"|(\S+)/g, m, parts = [], seen = Object.create(null);
  while ((m = re.exec(text)) !== null) {
    var quoted = m[1] !== undefined, phrase = quoted ? m[1].trim().replace(/\s+/g, " ") : m[2];
    var key = (quoted ? "q:" : "w:") + phrase;
    if (!phrase || seen[key]) continue;
    seen[key] = true;
    var alts = [phrase];
    if (!quoted && synonymOf[phrase]) {
      synonymOf[phrase].forEach(function (s) { if (alts.indexOf(s) < 0) alts.push(s); });
    }
    parts.push({ text: phrase, quoted: quoted, alts: alts });
  }
  return parts;
}

/* True when the postings alone decide whether a page contains the phrase (no text check needed). */
function isExact(alt) {
  var runs = T.runs(alt), symbols = T.symbols(alt);
  if (!runs.length) return symbols.length === 1 && Array.from(alt).length === 1;
  if (symbols.length || runs.length !== 1 || runs[0][2] !== 0 || runs[0][3] !== alt.length) return false;
  return runs[0][1] || Array.from(runs[0][0]).length <= 2;
}

function and53(a, b) {
  var high = Math.floor(a / 4294967296) & Math.floor(b / 4294967296);
  return high * 4294967296 + (((a >>> 0) & (b >>> 0)) >>> 0);
}

function idf(df) { return Math.log(1 + (manifest.docs - df + 0.5) / (df + 0.5)); }

/* Pages of one lookup term as parallel arrays sorted by id: {ids, masks, scores}. A Latin word at an edge
 * of the phrase stands for every indexed word that contains it there (their union). */
function lookup(t) {
  var pending = !t.leading && !t.trailing ? Promise.resolve([t.term]) : S.words().then(function (words) {
    return words.filter(function (w) {
      return t.leading && t.trailing ? w.indexOf(t.term) >= 0 : t.leading ? w.endsWith(t.term) : w.startsWith(t.term);
    });
  });
  return pending.then(function (terms) { return Promise.all(terms.map(S.postings)); }).then(function (lists) {
    lists = lists.filter(Boolean).map(function (p) {
      var scores = new Float64Array(p.ids.length), weight = idf(p.ids.length) / 255;
      for (var i = 0; i < scores.length; i++) scores[i] = weight * p.weights[i];
      return { ids: p.ids, masks: p.masks, scores: scores };
    });
    return lists.length === 1 ? lists[0] : union(lists);
  });
}

function union(lists) {
  var map = new Map();
  lists.forEach(function (l) {
    for (var i = 0; i < l.ids.length; i++) {
      var e = map.get(l.ids[i]);
      if (!e) map.set(l.ids[i], { mask: l.masks[i], score: l.scores[i] });
      else { e.mask = e.mask + l.masks[i] - and53(e.mask, l.masks[i]); e.score = Math.max(e.score, l.scores[i]); }
    }
  });
  var ids = Int32Array.from(map.keys()).sort(), out = { ids: ids, masks: new Float64Array(ids.length),
    scores: new Float64Array(ids.length) };
  ids.forEach(function (id, i) { var e = map.get(id); out.masks[i] = e.mask; out.scores[i] = e.score; });
  return out;
}

/* Pages in both sorted lists with a unit holding the terms of both (masks ANDed, scores added). */
function intersect(a, b) {
  var n = Math.min(a.ids.length, b.ids.length), ids = new Int32Array(n), masks = new Float64Array(n);
  var scores = new Float64Array(n), k = 0, i = 0, j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] < b.ids[j]) i++;
    else if (a.ids[i] > b.ids[j]) j++;
    else {
      var mask = and53(a.masks[i], b.masks[j]);
      if (mask) { ids[k] = a.ids[i]; masks[k] = mask; scores[k++] = a.scores[i] + b.scores[j]; }
      i++;
      j++;
    }
  }
  return { ids: ids.subarray(0, k), masks: masks.subarray(0, k), scores: scores.subarray(0, k) };
}

/* Lookup terms of a phrase. A kanji/kana run needs only bigrams that cover it (positions 0, 2, 4 … and the
 * last): a unit holding the phrase holds them all, the text check does the rest, and half the buckets are
 * fetched. A Latin word at an edge of the phrase may continue in the page (wildcard); symbols are terms. */
function lookupsOf(alt) {
  var list = [];
  T.runs(alt).forEach(function (r) {
    if (r[1]) { list.push({ term: r[0], leading: r[2] === 0, trailing: r[3] === alt.length }); return; }
    var chars = Array.from(r[0]);
    if (chars.length === 1) list.push({ term: r[0], leading: false, trailing: false });
    for (var i = 0; i + 1 < chars.length; i += 2) list.push({ term: chars[i] + chars[i + 1] });
    if (chars.length > 2 && chars.length % 2) list.push({ term: chars[chars.length - 2] + chars[chars.length - 1] });
  });
  T.symbols(alt).forEach(function (c) { list.push({ term: c, leading: false, trailing: false }); });
  return list;
}

/* Pages with every lookup term of the phrase in one unit, as sorted arrays. */
function altCandidates(alt) {
  return Promise.all(lookupsOf(alt).map(lookup)).then(function (lists) {
    if (!lists.length) return { ids: new Int32Array(0), masks: new Float64Array(0), scores: new Float64Array(0) };
    lists.sort(function (a, b) { return a.ids.length - b.ids.length; });
    return lists.reduce(intersect);
  });
}

/* id → {score, alts:[{alt, mask, exact}]}: pages that may contain the part (any of its alternatives). */
function partCandidates(part) {
  return Promise.all(part.alts.map(altCandidates)).then(function (maps) {
    var out = new Map();
    maps.forEach(function (list, a) {
      var exact = isExact(part.alts[a]);
      for (var i = 0; i < list.ids.length; i++) {
        var c = out.get(list.ids[i]);
        if (!c) out.set(list.ids[i], c = { score: 0, alts: [] });
        c.score = Math.max(c.score, list.scores[i]);
        c.alts.push({ alt: part.alts[a], mask: list.masks[i], exact: exact });
      }
    });
    return out;
  });
}

/* The query's state: every candidate page, ranked, with what is known about it. */
function candidates(parts, id) {
  var done = 0;
  return Promise.all(parts.map(function (p) {
    return partCandidates(p).then(function (m) {
      self.postMessage({ type: "progress", id: id, stage: "index", done: ++done, total: parts.length });
      return m;
    });
  })).then(function (maps) {
    var order = maps.map(function (m, i) { return i; }).sort(function (a, b) { return maps[a].size - maps[b].size; });
    var docs = [];
    maps[order[0]].forEach(function (_, doc) {
      var entry = { id: doc, score: 0, parts: [], sure: true, ok: null, facets: facetsOf.get(doc) };
      for (var k = 0; k < maps.length; k++) {
        var c = maps[k].get(doc);
        if (!c) return;
        entry.score += c.score;
        entry.parts[k] = c;
        if (!c.alts.some(function (a) { return a.exact; })) entry.sure = false;
      }
      if (entry.sure) entry.ok = true;
      docs.push(entry);
    });
    docs.sort(function (a, b) {
      return a.facets.unreadable - b.facets.unreadable || b.score - a.score || a.id - b.id;
    });
    return { parts: parts, perPart: maps.map(function (m) { return m.size; }), docs: docs, found: {} };
  });
}

/* Unit numbers set in a mask, ascending. */
function unitsOf(mask) {
  var out = [];
  for (var n = 0; mask > 0; n++, mask = Math.floor(mask / 2)) if (mask % 2) out.push(n);
  return out;
}

/* Check an unsure page against the unit texts its postings point to; remembers where each part was seen. */
function verify(state, entry) {
  if (entry.ok !== null) return Promise.resolve(entry.ok);
  var checks = entry.parts.map(function (c) {
    if (c.alts.some(function (a) { return a.exact; })) return Promise.resolve(true);
    var mask = c.alts.reduce(function (m, a) { return m + a.mask - and53(m, a.mask); }, 0);
    var alts = c.alts.map(function (a) { return a.alt; }), units = unitsOf(mask);
    var next = function (i) {
      if (i >= units.length) return false;
      return S.unit(entry.id, units[i]).then(function (text) {
        var folded = X.normalized(text).n;
        if (alts.some(function (a) { return folded.indexOf(a) >= 0; })) {
          if (units[i] > 0 && !state.found[entry.id]) state.found[entry.id] = units[i];
          return true;
        }
        return next(i + 1);
      });
    };
    return Promise.resolve(next(0));
  });
  return Promise.all(checks).then(function (results) {
    entry.ok = results.every(Boolean);
    return entry.ok;
  });
}

/* Verify entries (in order, CONCURRENCY at a time) until `enough` of them are matches or all are checked. */
function verifyMany(state, entries, enough, onProgress, stillWanted) {
  var at = 0, matched = 0, checked = 0;
  function worker() {
    if (at >= entries.length || matched >= enough || !stillWanted()) return Promise.resolve();
    var e = entries[at++];
    return verify(state, e).then(function (ok) {
      if (ok) matched++;
      onProgress(++checked, entries.length);
      return worker();
    });
  }
  var runners = [];
  for (var i = 0; i < CONCURRENCY; i++) runners.push(worker());
  return Promise.all(runners);
}

function values(entry, group) {
  var f = entry.facets;
  if (group === "kind") return [manifest.kinds[f.kind]];
  if (group === "form") return f.form ? [manifest.forms[f.form]] : [];
  return f.orgs.map(function (o) { return manifest.orgs[o]; });
}

function passes(entry, filters, except) {
  return GROUPS.every(function (g) {
    var wanted = filters[g] || [];
    if (g === except || !wanted.length) return true;
    return values(entry, g).some(function (v) { return wanted.indexOf(v) >= 0; });
  });
}

/* Disjunctive facets: a group's counts ignore that group's own selection, so choices can be added. */
function facets(hits, filters) {
  var out = {};
  GROUPS.forEach(function (g) {
    var counts = Object.create(null);
    (filters[g] || []).forEach(function (v) { counts[v] = 0; });
    hits.forEach(function (h) {
      if (passes(h, filters, g)) values(h, g).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
    });
    out[g] = Object.keys(counts).map(function (v) { return [v, counts[v]]; }).sort(function (a, b) {
      if (g === "kind") return manifest.kinds.indexOf(a[0]) - manifest.kinds.indexOf(b[0]);  // the index's order
      return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    });
  });
  return out;
}

/* 「もしかして」: for each part nothing was indexed for, the closest known spelling. */
function suggestion(state) {
  var missing = state.parts.filter(function (p, i) { return state.perPart[i] === 0; });
  if (!missing.length) return Promise.resolve(null);
  return S.lexicon().then(function (lexicon) {
    var changed = false, words = state.parts.map(function (p, i) {
      var better = state.perPart[i] === 0 ? X.closest(p.text, lexicon) : null;
      if (better) changed = true;
      var text = better || p.text;
      return p.quoted ? "\"" + text + "\"" : text;
    });
    return changed ? words.join(" ") : null;
  });
}

function post(msg, body) {
  body.type = "results";
  body.id = msg.id;
  self.postMessage(body);
}

function answer(msg) {
  var started = Date.now(), parts = parseQuery(msg.q), filters = msg.filters || {}, limit = msg.limit || 20;
  var key = JSON.stringify(parts), wanted = function () { return msg.id === latest; };
  var base = { q: msg.q, parts: parts.map(function (p) { return { text: p.text, quoted: p.quoted, alts: p.alts }; }) };
  if (!parts.length) return Promise.resolve(post(msg, Object.assign(base, { final: true, total: 0, count: 0,
    exact: true, results: [], facets: {}, ms: 0 })));
  var stateReady = last && last.key === key ? Promise.resolve(last.state) : candidates(parts, msg.id);
  return stateReady.then(function (state) {
    last = { key: key, state: state };
    var unsure = state.docs.filter(function (e) { return e.ok === null; });
    var exact = unsure.length <= VERIFY_ALL;
    var progress = function (done, total) {
      self.postMessage({ type: "progress", id: msg.id, stage: "verify", done: done, total: total });
    };
    var verifying = exact ? verifyMany(state, unsure, Infinity, progress, wanted)
      : verifyMany(state, state.docs.filter(function (e) { return passes(e, filters, null); }), limit, progress,
        wanted);
    return verifying.then(function () {
      if (!wanted()) return null;
      var hits = state.docs.filter(function (e) { return e.ok !== false; });
      var shown = hits.filter(function (e) { return passes(e, filters, null); });
      var page = shown.slice(0, limit).filter(function (e) { return e.ok; });
      var head = Object.assign({}, base, { total: hits.length, count: shown.length, exact: exact,
        facets: facets(hits, filters) });
      return results(msg, state, page, head, started);
    });
  });
}

/* Post the list (titles, no snippets), then the same with snippets once their texts are in. */
function results(msg, state, page, head, started) {
  var alts = [];
  state.parts.forEach(function (p) { alts.push.apply(alts, p.alts); });
  return Promise.all(page.map(function (e) { return S.meta(e.id); })).then(function (metas) {
    var list = metas.map(function (m) {
      return { url: m.url, kind: m.kind, org: m.org, form: m.form, published: m.published, wareki: m.wareki,
        title: X.segments(m.title, alts, 0, m.title.length), snippet: null };
    });
    var send = function (final, extra) {
      post(msg, Object.assign({}, head, { final: final, results: list, ms: Date.now() - started }, extra || {}));
    };
    if (list.length) send(false);
    var snippets = page.map(function (e, i) {
      return snippetOf(state, e, metas[i], alts).then(function (s) { list[i].snippet = s; });
    });
    var more = head.total === 0 ? suggestion(state) : Promise.resolve(null);
    return Promise.all([more].concat(snippets)).then(function (got) {
      send(true, got[0] ? { suggestion: got[0] } : {});
    });
  });
}

function snippetOf(state, entry, meta, alts) {
  if (!meta.chunks) return Promise.resolve([]);
  var unit = state.found[entry.id];
  if (!unit) {
    var mask = 0;
    entry.parts.forEach(function (c) {
      c.alts.forEach(function (a) { mask = mask + a.mask - and53(mask, a.mask); });
    });
    unit = unitsOf(mask).filter(function (n) { return n > 0; })[0] || 1;
  }
  return S.unit(entry.id, unit).then(function (text) {
    return X.snippet(text, alts, unit > 1);
  });
}

self.onmessage = function (event) {
  var msg = event.data;
  if (msg.type === "init") { if (!ready) init(msg.url); return; }
  if (msg.type === "stats") {  // what this worker fetched (bench/search.py counts the bytes)
    self.postMessage({ type: "stats", resources: performance.getEntriesByType("resource").map(function (e) {
      return [e.name, e.transferSize, e.encodedBodySize, e.decodedBodySize];
    }) });
    return;
  }
  if (msg.type !== "query") return;
  latest = msg.id;
  if (!ready) { self.postMessage({ type: "error", id: msg.id, message: "not initialised" }); return; }
  ready.then(function () { return answer(msg); }).catch(function (e) {
    self.postMessage({ type: "error", id: msg.id, message: String(e) });
  });
};
