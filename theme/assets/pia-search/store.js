/* PIA Portal search: fetching and decoding the split index (see generator/search/postings.py, shards.py).
 * Every file is fetched at most once per worker; defines self.PiaStore. */
(function (root) {
  "use strict";
  var base = null, manifest = null, files = Object.create(null), fetches = 0;
  var utf8 = new TextDecoder("utf-8");

  function get(path, as) {
    if (!files[path]) {
      files[path] = fetch(new URL(path, base).href).then(function (response) {
        if (!response.ok) throw new Error(path + ": HTTP " + response.status);
        fetches++;
        return as === "bytes" ? response.arrayBuffer().then(function (b) { return new Uint8Array(b); })
          : as === "json" ? response.json() : response.text();
      });
      files[path].catch(function () { delete files[path]; });
    }
    return files[path];
  }

  /* Reads unsigned LEB128 varints; values above 2^31 stay exact (unit masks reach 2^51). */
  function Reader(bytes) { this.b = bytes; this.at = 0; }
  Reader.prototype.varint = function () {
    var value = 0, scale = 1, byte;
    do {
      byte = this.b[this.at++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return value;
  };
  Reader.prototype.done = function () { return this.at >= this.b.length; };

  /* FNV-1a over UTF-8, as generator/search/ids.py fnv1a. */
  function bucketOf(term) {
    var bytes = new TextEncoder().encode(term), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h % manifest.buckets;
  }

  /* term → {ids, masks, weights} for every term of one bucket. */
  function decodeBucket(bytes) {
    var r = new Reader(bytes), out = new Map();
    while (!r.done()) {
      var length = r.varint(), term = utf8.decode(bytes.subarray(r.at, r.at + length));
      r.at += length;
      var df = r.varint(), ids = new Int32Array(df), masks = new Float64Array(df), weights = new Uint8Array(df);
      var doc = -1;
      for (var i = 0; i < df; i++) {
        var v = r.varint(), code = v % 4;
        doc += Math.floor(v / 4);
        ids[i] = doc;
        masks[i] = code === 3 ? r.varint() : code + 1;
        weights[i] = bytes[r.at++];
      }
      out.set(term, { ids: ids, masks: masks, weights: weights });
    }
    return out;
  }

  var decoded = Object.create(null);
  function postings(term) {
    var name = "p/" + bucketOf(term).toString(16) + ".bin";
    if (!decoded[name]) {
      decoded[name] = get(name, "bytes").then(decodeBucket);
    }
    return decoded[name].then(function (terms) { return terms.get(term) || null; });
  }

  /* Facet table: id → {kind, form, unreadable, orgs}. */
  function decodeFacets(bytes) {
    var r = new Reader(bytes), out = new Map(), doc = -1;
    while (!r.done()) {
      doc += r.varint();
      var flags = bytes[r.at++], n = r.varint(), orgs = [];
      for (var i = 0; i < n; i++) orgs.push(r.varint());
      out.set(doc, { kind: flags & 7, form: (flags >> 3) & 3, unreadable: (flags >> 5) & 1, orgs: orgs });
    }
    return out;
  }

  function shardOf(id) { return Math.floor(id / Math.pow(2, manifest.idBits - manifest.metaBits)); }

  var metaShards = Object.create(null);
  /* Page metadata: {id, url, title, kind, org, form, published, wareki, chunks}. */
  function meta(id) {
    var name = "m/" + shardOf(id).toString(16) + ".json";
    if (!metaShards[name]) {
      metaShards[name] = get(name, "json").then(function (rows) {
        var map = new Map();
        rows.forEach(function (r) {
          map.set(r[0], { id: r[0], url: r[1], title: r[2], kind: r[3], org: r[4], form: r[5], published: r[6],
            wareki: r[7], chunks: r[8] });
        });
        return map;
      });
    }
    return metaShards[name].then(function (map) { return map.get(id); });
  }

  /* Text of unit n of a page: 0 is its head lines, 1… its body chunks. */
  function unit(id, n) {
    if (n === 0) {
      return meta(id).then(function (m) { return [m.title, m.org, m.form, m.kind, m.published].join("\n"); });
    }
    return get("t/" + shardOf(id).toString(16) + "/" + id.toString(16) + "-" + n + ".txt", "text");
  }

  function init(manifestUrl) {
    base = manifestUrl;
    return Promise.all([get("manifest.json", "json"), get("facets.bin", "bytes")]).then(function (got) {
      manifest = got[0];
      if (manifest.format !== 2) throw new Error("unknown index format " + manifest.format);
      return { manifest: manifest, facets: decodeFacets(got[1]) };
    });
  }

  root.PiaStore = {
    init: init, postings: postings, meta: meta, unit: unit,
    words: function () { return get("words.json", "json"); },
    lexicon: function () { return get("lexicon.json", "json"); },
    fetches: function () { return fetches; }
  };
})(self);
