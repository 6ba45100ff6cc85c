/* PIA Portal search: matching text as printed (①, Ⅱ kept) against normalised phrases, snippets and
 * 「もしかして」 spellings. Loaded by the worker; defines self.PiaText. */
(function (root) {
  "use strict";
  var T = root.PiaTokenize;
  var SNIPPET_BEFORE = 40, SNIPPET_LENGTH = 160;

  /* Folded NFKC text n of `text`, with map[k]/ends[k] the span of text that n[k] comes from. */
  function normalized(text) {
    var n = "", map = [], ends = [];
    for (var i = 0; i < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(i)), f = T.fold(ch.normalize("NFKC"));
      for (var k = 0; k < f.length; k++) { map.push(i); ends.push(i + ch.length); }
      n += f;
      i += ch.length;
    }
    return { n: n, map: map, ends: ends };
  }

  /* Spans [from, to) of `text` where any phrase occurs, merged and sorted. */
  function marks(text, phrases) {
    var norm = normalized(text), spans = [];
    phrases.forEach(function (p) {
      if (!p) return;
      for (var at = norm.n.indexOf(p); at >= 0; at = norm.n.indexOf(p, at + 1)) {
        spans.push([norm.map[at], norm.ends[at + p.length - 1]]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var out = [];
    spans.forEach(function (s) {
      var prev = out[out.length - 1];
      if (prev && s[0] <= prev[1]) prev[1] = Math.max(prev[1], s[1]);
      else out.push(s.slice());
    });
    return out;
  }

  /* [[text, marked], …] for text[start, end) with every occurrence of every phrase marked. */
  function segments(text, phrases, start, end, spans) {
    var out = [], pos = start;
    (spans || marks(text, phrases)).forEach(function (m) {
      var from = Math.max(m[0], pos), to = Math.min(m[1], end);
      if (to <= from) return;
      if (from > pos) out.push([text.slice(pos, from), false]);
      out.push([text.slice(from, to), true]);
      pos = to;
    });
    if (pos < end) out.push([text.slice(pos, end), false]);
    return out;
  }

  function isLowSurrogate(s, i) {
    var c = s.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  }

  /* About SNIPPET_LENGTH characters of a unit around the first occurrence, lines joined by spaces. */
  function snippet(unitText, phrases, continued) {
    var text = unitText.replace(/\n/g, " "), spans = marks(text, phrases);
    var first = spans.length ? spans[0][0] : 0;
    var start = Math.max(0, first - SNIPPET_BEFORE), end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (start > 0 && isLowSurrogate(text, start)) start++;
    if (end < text.length && isLowSurrogate(text, end)) end++;
    var out = segments(text, phrases, start, end, spans);
    if (start > 0 || continued) out.unshift(["…", false]);
    if (end < text.length) out.push(["…", false]);
    return out;
  }

  /* Edit distance between a and b (arrays of characters), or limit + 1 once it must exceed limit. */
  function distance(a, b, limit) {
    var prev = [], cur = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (cur[j] < low) low = cur[j];
      }
      if (low > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }

  /* The closest spelling to `word` inside the known ones (most frequent first), within 1 edit (2 from 8
   * characters); null when there is none. */
  function closest(word, known) {
    var w = Array.from(word), limit = w.length >= 8 ? 2 : 1, best = null, bestD = limit + 1;
    if (w.length < 2) return null;
    for (var i = 0; i < known.length && bestD > 1; i++) {
      var e = Array.from(known[i]);
      for (var len = Math.max(1, w.length - limit); len <= w.length + limit && len <= e.length; len++) {
        for (var s = 0; s + len <= e.length; s++) {
          var d = distance(w, e.slice(s, s + len), bestD - 1);
          if (d > 0 && d < bestD) { bestD = d; best = e.slice(s, s + len).join(""); }
        }
      }
    }
    return best;
  }

  root.PiaText = { normalized: normalized, marks: marks, segments: segments, snippet: snippet, closest: closest };
})(self);
