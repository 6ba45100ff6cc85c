/* PIA Portal search: normalisation and tokens, identical to generator/search/tokenize.py.
 * Loaded by the worker (importScripts) and usable in a page; defines self.PiaTokenize. */
(function (root) {
  "use strict";
  // Same character classes as tokenize.py (WORD_CHARS, CJK_CHARS).
  var WORD = "0-9a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u012f\\u0131-\\u024f";
  var CJK = "\\u3005-\\u3007\\u3041-\\u3096\\u309d-\\u309f\\u30a1-\\u30fa\\u30fc-\\u30ff\\u31f0-\\u31ff" +
    "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3ffff}";
  var RUNS = "([" + WORD + "]+)|([" + CJK + "]+)";
  var WORD_TERM = new RegExp("^[" + WORD + "]+$", "u");
  // Same as postings.py _SYMBOLS: characters outside words and kanji/kana runs, indexed one by one.
  var SYMBOL = new RegExp("[^\\s" + WORD + CJK + "]", "gu");

  /* Lower case that never changes the length (offsets stay valid for highlighting). */
  function fold(text) {
    var lower = text.toLowerCase();
    if (lower.length === text.length) return lower;
    return Array.from(text).map(function (c) {
      var l = c.toLowerCase();
      return l.length === c.length ? l : c;
    }).join("");
  }

  function normalize(text) {
    return fold(String(text).normalize("NFKC"));
  }

  /* [run, isWord, start, end] for each Latin/digit word or kanji/kana run of normalised text. */
  function runs(text) {
    var re = new RegExp(RUNS, "gu"), out = [], m;
    while ((m = re.exec(text)) !== null) {
      out.push([m[0], m[1] !== undefined, m.index, m.index + m[0].length]);
    }
    return out;
  }

  function cjkTokens(run) {
    var chars = Array.from(run), out = chars.slice();
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  /* Index terms of any text (used by tests to prove Python and JS agree). */
  function tokens(text) {
    var out = [];
    runs(normalize(text)).forEach(function (r) {
      if (r[1]) out.push(r[0]); else out.push.apply(out, cjkTokens(r[0]));
    });
    return out;
  }

  /* Query parts: NFKC, fold, split on any space (full-width spaces become ASCII ones under NFKC). */
  function queryParts(query) {
    var seen = Object.create(null);
    return normalize(query || "").split(/\s+/).filter(function (p) {
      if (!p || seen[p]) return false;
      seen[p] = true;
      return true;
    });
  }

  /* Lookup terms for one normalised phrase. Every page containing the phrase has all of them:
   * a kanji/kana run of 2+ characters needs its bigrams, a 1-character run its unigram; a Latin word
   * may continue in the page beyond the phrase's edges, hence leading/trailing wildcards there. */
  function phraseTerms(part) {
    var out = [];
    runs(part).forEach(function (r) {
      if (r[1]) {
        out.push({ term: r[0], leading: r[2] === 0, trailing: r[3] === part.length });
      } else {
        var chars = Array.from(r[0]);
        if (chars.length === 1) out.push({ term: r[0], leading: false, trailing: false });
        for (var i = 0; i + 1 < chars.length; i++) {
          out.push({ term: chars[i] + chars[i + 1], leading: false, trailing: false });
        }
      }
    });
    return out;
  }

  /* Distinct symbol characters of normalised text (each is an index term of its own). */
  function symbols(text) {
    var seen = Object.create(null);
    (text.match(SYMBOL) || []).forEach(function (c) { seen[c] = true; });
    return Object.keys(seen).sort();
  }

  /* True for a Latin/digit index term (the only kind looked up with wildcards). */
  function isWordTerm(term) { return WORD_TERM.test(term); }

  root.PiaTokenize = {
    fold: fold, normalize: normalize, runs: runs, tokens: tokens, queryParts: queryParts,
    phraseTerms: phraseTerms, isWordTerm: isWordTerm, symbols: symbols
  };
})(typeof self !== "undefined" ? self : this);
