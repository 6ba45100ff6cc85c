/* PIA Portal search UI: header box (warms the cache on first focus) and the results page (search/?q=…).
 * All page data is inserted with textContent / createElement, never innerHTML. */
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector('script[src$="pia-search/search.js"], script[src*="pia-search/search.js?"]');
  var assetBase = script ? script.src : new URL("assets/pia-search/search.js", document.baseURI).href;
  var siteRoot = new URL("../../", assetBase).href;  // search.js lives at <site>/assets/pia-search/
  var GROUPS = [["kind", "ページの種類"], ["form", "評価書の種類"], ["org", "団体"]];
  var PAGE_SIZE = 20, FACET_SHOWN = 10, DEBOUNCE_MS = 250;

  function asset(name) { return new URL(name, assetBase).href; }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* Link from the current page to a site-relative URL, as a relative path (works under any base path). */
  function relativeHref(siteUrl) {
    var target = new URL(siteUrl, siteRoot);
    if (target.origin !== location.origin) return target.href;
    var from = location.pathname.split("/");
    from.pop();
    var to = target.pathname.split("/"), i = 0;
    while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
    var rel = new Array(from.length - i + 1).join("../") + to.slice(i).join("/");
    return (rel || "./") + target.search + target.hash;
  }

  var warmed = false;
  function warm() {
    if (warmed) return;
    warmed = true;
    ["worker.js", "manifest.json", "facets.bin"].forEach(function (name) {
      var link = document.createElement("link");
      link.rel = "prefetch";
      link.href = asset(name);
      document.head.appendChild(link);
    });
  }

  /* ---- worker connection ---- */
  var worker = null, nextId = 1, pending = Object.create(null), onReady = [];
  function connect() {
    if (worker) return worker;
    worker = new Worker(asset("worker.js"));
    worker.onmessage = function (event) {
      var msg = event.data;
      if (msg.type === "ready") { onReady.forEach(function (f) { f(msg); }); return; }
      if (msg.type === "stats") { statsWaiting.forEach(function (f) { f(msg.resources); }); statsWaiting = []; return; }
      if (msg.type === "progress" || (msg.type === "results" && !msg.final)) {
        var waiting = pending[msg.id];
        if (waiting && waiting[2]) waiting[2](msg);
        return;
      }
      if (msg.id === null || msg.id === undefined) {
        Object.keys(pending).forEach(function (id) { pending[id][1](new Error(msg.message)); delete pending[id]; });
        failed = msg.message;
        return;
      }
      var p = pending[msg.id];
      if (!p) return;
      delete pending[msg.id];
      if (msg.type === "error") p[1](new Error(msg.message)); else p[0](msg);
    };
    worker.onerror = function (event) {
      failed = event.message || "worker error";
      Object.keys(pending).forEach(function (id) { pending[id][1](new Error(failed)); delete pending[id]; });
    };
    worker.postMessage({ type: "init", url: asset("manifest.json") });
    return worker;
  }
  var failed = null;

  /* Promise of the worker's final answer; `onUpdate` sees progress and the results before their snippets.
   * Also the hook used by bench/search.py (window.PiaSearch.query). */
  function query(q, filters, limit, onUpdate) {
    connect();
    if (failed) return Promise.reject(new Error(failed));
    var id = nextId++;
    return new Promise(function (resolve, reject) {
      pending[id] = [resolve, reject, onUpdate];
      worker.postMessage({ type: "query", id: id, q: q, filters: filters || {}, limit: limit || PAGE_SIZE });
    });
  }
  var statsWaiting = [];
  /* Resource timings of the worker's fetches (for bench/search.py). */
  function stats() {
    connect();
    return new Promise(function (resolve) {
      statsWaiting.push(resolve);
      worker.postMessage({ type: "stats" });
    });
  }
  window.PiaSearch = { query: query, stats: stats, siteRoot: siteRoot };

  /* ---- results page ---- */
  function Page(root) {
    this.root = root;
    this.form = root.querySelector("form");
    this.input = root.querySelector("input[name=q]");
    this.status = root.querySelector("#pia-search-status");
    this.facetBox = root.querySelector("#pia-search-facets");
    this.list = root.querySelector("#pia-search-results");
    this.body = root.querySelector(".pia-search__body");
    this.limit = PAGE_SIZE;
    this.latest = 0;
    this.timer = null;
    this.expanded = {};
    this.firstDone = false;
  }

  Page.prototype.readLocation = function () {
    var params = new URLSearchParams(location.search);
    this.q = params.get("q") || "";
    this.filters = {};
    var self = this;
    GROUPS.forEach(function (g) { self.filters[g[0]] = params.getAll(g[0]).filter(Boolean); });
    this.input.value = this.q;
    this.limit = PAGE_SIZE;
  };

  Page.prototype.url = function () {
    var params = new URLSearchParams();
    if (this.q) params.set("q", this.q);
    var self = this;
    GROUPS.forEach(function (g) { self.filters[g[0]].forEach(function (v) { params.append(g[0], v); }); });
    var s = params.toString();
    return location.pathname + (s ? "?" + s : "");
  };

  Page.prototype.remember = function (push) {
    var url = this.url();
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  };

  /* data-pia-state: loading | searching | done | empty | error; data-pia-query: the query shown. */
  Page.prototype.setState = function (state, text) {
    this.root.setAttribute("data-pia-state", state);
    this.root.setAttribute("data-pia-query", this.q);
    if (text !== undefined) this.status.textContent = text;
  };

  Page.prototype.start = function () {
    var self = this;
    this.root.hidden = false;
    this.readLocation();
    this.form.addEventListener("submit", function (e) { e.preventDefault(); self.submit(self.input.value); });
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () {
        self.q = self.input.value.trim();
        self.limit = PAGE_SIZE;
        self.remember(false);
        self.run();
      }, DEBOUNCE_MS);
    });
    window.addEventListener("popstate", function () { self.readLocation(); self.run(); });
    try {
      connect();
    } catch (e) {
      this.setState("error", "この環境では検索を実行できません(Web Worker を使えません)。");
      return;
    }
    if (!this.q) this.input.focus();
    this.run();
  };

  Page.prototype.submit = function (value) {
    clearTimeout(this.timer);
    this.q = String(value || "").trim();
    this.input.value = this.q;
    this.limit = PAGE_SIZE;
    this.remember(true);
    this.run();
  };

  Page.prototype.run = function () {
    var self = this, id = ++this.latest, q = this.q;
    document.title = (q ? "「" + q + "」の検索結果 - " : "") + this.baseTitle();
    if (!hasText(q)) {
      this.clear();
      this.setState("empty", "検索語を入力してください。");
      this.list.appendChild(el("p", "pia-search__hint",
        "例: 中間サーバー、宛名システム、団体名、委託先の会社名。全角・半角や大文字・小文字は区別しません。"));
      return;
    }
    if (!this.firstDone) this.setState("loading", "索引を読み込んでいます…");
    else this.root.setAttribute("data-pia-state", "searching");
    this.root.setAttribute("data-pia-query", q);
    var shownPartial = false;
    query(q, this.filters, this.limit, function (msg) {
      if (id !== self.latest) return;
      if (msg.type === "results") {
        shownPartial = true;
        self.render(msg);
      } else if (!shownPartial) {
        self.progress(msg);
      }
    }).then(function (msg) {
      if (id !== self.latest) return;
      self.render(msg);
    }, function (err) {
      if (id !== self.latest) return;
      self.clear();
      self.setState("error", "検索インデックスを読み込めませんでした。ページを再読み込みしてください。(" + err.message + ")");
    });
  };

  /* Visible progress while the index and page texts arrive (data-pia-state stays loading/searching). */
  Page.prototype.progress = function (msg) {
    var text = msg.stage === "index" ? "索引を読み込んでいます(" + msg.done + "/" + msg.total + " 語)…"
      : "候補のページを確認しています(" + msg.done + "/" + msg.total + " 件)…";
    this.status.textContent = text;
    this.root.setAttribute("data-pia-progress", msg.stage + ":" + msg.done + "/" + msg.total);
  };

  Page.prototype.baseTitle = function () {
    if (!this._baseTitle) this._baseTitle = document.title;
    return this._baseTitle;
  };

  Page.prototype.clear = function () {
    this.facetBox.textContent = "";
    this.list.textContent = "";
    this.body.classList.remove("pia-search__body--facets");
  };

  Page.prototype.render = function (msg) {
    var focusKey = this.focusKey(), state = msg.final ? "done" : "partial";
    this.clear();
    var words = typedWords(msg.q);
    var label = "「" + words.join("」「") + "」" + (words.length > 1 ? "をすべて含む" : "を含む");
    var filtered = GROUPS.some(function (g) { return (this.filters[g[0]] || []).length; }, this);
    var about = msg.exact ? "" : "約 ";
    this.synonymNote(msg.parts);
    if (msg.total === 0) {
      this.setState(state, label + "ページは見つかりませんでした。");
      if (msg.suggestion) this.suggest(msg.suggestion);
      this.noHits();
    } else {
      this.renderFacets(msg.facets);
      this.body.classList.add("pia-search__body--facets");
      if (msg.count === 0) {
        this.setState(state, label + "ページは " + about + msg.total + " 件ありますが、絞り込みの条件に合うページはありません。");
        var clear = el("button", "pia-search__clear", "絞り込みをすべて解除");
        clear.type = "button";
        clear.addEventListener("click", this.clearFilters.bind(this));
        this.list.appendChild(clear);
      } else {
        this.setState(state, label + "ページ: " + about + msg.count + " 件" +
          (filtered ? "(絞り込み前 " + about + msg.total + " 件)" : ""));
        this.renderResults(msg);
      }
    }
    this.restoreFocus(focusKey);
    if (!this.firstResults && msg.results) {
      this.firstResults = true;
      if (window.performance && performance.mark) performance.mark("pia-search:first-list");
    }
    if (!msg.final) return;
    if (!this.firstDone) {
      this.firstDone = true;
      if (window.performance && performance.mark) performance.mark("pia-search:first-results");
    }
  };

  /* Which synonyms were searched too, and how to search for one spelling only. */
  Page.prototype.synonymNote = function (parts) {
    var used = (parts || []).filter(function (p) { return p.alts.length > 1; });
    if (!used.length) return;
    var note = el("p", "pia-search__synonyms");
    note.textContent = used.map(function (p) {
      return "「" + p.text + "」は「" + p.alts.slice(1).join("」「") + "」も含めて探しました。";
    }).join("") + "その表記だけを探すときは \"" + used[0].text + "\" のように引用符で囲んでください。";
    this.list.appendChild(note);
  };

  Page.prototype.suggest = function (suggestion) {
    var line = el("p", "pia-search__suggest", "もしかして: "), self = this;
    var link = el("a", "pia-search__suggestion", suggestion);
    link.href = "?q=" + encodeURIComponent(suggestion);
    link.addEventListener("click", function (e) { e.preventDefault(); self.submit(suggestion); });
    line.appendChild(link);
    this.list.appendChild(line);
  };

  Page.prototype.noHits = function () {
    var tips = el("ul", "pia-search__tips");
    ["別の表記でも探してみてください(例: 「サーバ」と「サーバー」、漢字とかな)。",
      "語を短くするか、スペースで区切った語を減らしてください。すべての語を含むページだけが表示されます。",
      "全角・半角、大文字・小文字は区別しません。"].forEach(function (t) { tips.appendChild(el("li", null, t)); });
    this.list.appendChild(tips);
  };

  Page.prototype.clearFilters = function () {
    var self = this;
    GROUPS.forEach(function (g) { self.filters[g[0]] = []; });
    this.remember(true);
    this.run();
    this.input.focus();
  };

  function appendSegments(parent, segs) {
    segs.forEach(function (s) {
      if (s[1]) parent.appendChild(el("mark", "pia-mark", s[0]));
      else parent.appendChild(document.createTextNode(s[0]));
    });
  }

  Page.prototype.renderResults = function (msg) {
    var list = el("ol", "pia-results");
    msg.results.forEach(function (r, n) {
      var item = el("li", "pia-result");
      var meta = el("p", "pia-result__meta");
      var kind = el("span", "pia-result__kind", r.kind);
      kind.setAttribute("data-kind", r.kind);
      meta.appendChild(kind);
      if (r.org) meta.appendChild(el("span", "pia-result__org", r.org));
      if (r.form) meta.appendChild(el("span", "pia-result__form", r.form));
      if (r.published) {
        var date = el("span", "pia-result__date", "公表日 " + (r.wareki || r.published));
        date.setAttribute("data-iso", r.published);
        meta.appendChild(date);
      }
      var heading = el("h2", "pia-result__title");
      var link = el("a");
      link.href = relativeHref(r.url);
      link.setAttribute("data-pia-rank", String(n));
      appendSegments(link, r.title);
      heading.appendChild(link);
      var snip = el("p", "pia-result__snippet");
      if (r.snippet) appendSegments(snip, r.snippet);
      else {
        snip.classList.add("pia-result__snippet--loading");
        snip.textContent = "本文を読み込んでいます…";
      }
      item.appendChild(heading);
      item.appendChild(meta);
      item.appendChild(snip);
      list.appendChild(item);
    });
    this.list.appendChild(list);
    var rest = msg.count - msg.results.length;
    if (rest > 0) {
      var more = el("button", "pia-search__more", "さらに表示(残り " + rest + " 件)");
      more.type = "button";
      var self = this, shown = msg.results.length;
      more.addEventListener("click", function () {
        self.limit += PAGE_SIZE;
        self.pendingFocus = "rank:" + shown;
        self.run();
      });
      this.list.appendChild(more);
    }
  };

  /* Facets in a <details> (open on wide screens, closed on phones so results come first). */
  Page.prototype.renderFacets = function (facets) {
    var self = this, chosen = 0;
    GROUPS.forEach(function (g) { chosen += self.filters[g[0]].length; });
    var box = el("details", "pia-facets");
    box.open = this.facetsOpen !== undefined ? this.facetsOpen : !window.matchMedia("(max-width: 45em)").matches;
    box.addEventListener("toggle", function () { self.facetsOpen = box.open; });
    var summary = el("summary", "pia-facets__title", "絞り込み" + (chosen ? "(" + chosen + " 件を選択中)" : ""));
    summary.setAttribute("data-pia-key", "facets");
    box.appendChild(summary);
    this.facetBox.appendChild(box);
    GROUPS.forEach(function (g) {
      var name = g[0], entries = facets[name] || [];
      if (!entries.length) return;
      var set = el("fieldset", "pia-facet");
      set.appendChild(el("legend", "pia-facet__legend", g[1]));
      var ul = el("ul", "pia-facet__list"), selected = self.filters[name];
      var hiddenCount = 0;
      entries.forEach(function (entry, n) {
        var value = entry[0], checked = selected.indexOf(value) >= 0;
        if (n >= FACET_SHOWN && !checked && !self.expanded[name]) { hiddenCount++; return; }
        var li = el("li", "pia-facet__item"), label = el("label", "pia-facet__label");
        var check = el("input", "pia-facet__checkbox");
        check.type = "checkbox";
        check.name = name;
        check.value = value;
        check.checked = checked;
        check.setAttribute("data-pia-key", name + ":" + value);
        check.addEventListener("change", function () { self.toggle(name, value, check.checked); });
        label.appendChild(check);
        label.appendChild(el("span", "pia-facet__value", value));
        label.appendChild(el("span", "pia-facet__count", entry[1] + " 件"));
        li.appendChild(label);
        ul.appendChild(li);
      });
      set.appendChild(ul);
      if (hiddenCount) {
        var more = el("button", "pia-facet__more", "ほかの " + hiddenCount + " 件も表示");
        more.type = "button";
        more.setAttribute("data-pia-key", "more:" + name);
        more.addEventListener("click", function () {
          self.expanded[name] = true;
          self.pendingFocus = name + ":" + entries[FACET_SHOWN][0];
          self.run();
        });
        set.appendChild(more);
      }
      box.appendChild(set);
    });
  };

  Page.prototype.toggle = function (name, value, on) {
    var list = this.filters[name].filter(function (v) { return v !== value; });
    if (on) list.push(value);
    this.filters[name] = list;
    this.limit = PAGE_SIZE;
    this.remember(true);
    this.run();
  };

  Page.prototype.focusKey = function () {
    if (this.pendingFocus) { var k = this.pendingFocus; this.pendingFocus = null; return k; }
    var a = document.activeElement;
    return a && this.root.contains(a) && a.getAttribute("data-pia-key");
  };

  Page.prototype.restoreFocus = function (key) {
    if (!key) return;
    var target = null;
    if (key.indexOf("rank:") === 0) {
      target = this.list.querySelector('a[data-pia-rank="' + key.slice(5) + '"]');
    } else {
      var nodes = this.root.querySelectorAll("[data-pia-key]");
      for (var i = 0; i < nodes.length; i++) if (nodes[i].getAttribute("data-pia-key") === key) target = nodes[i];
    }
    if (target) target.focus();
  };

  /* The words as typed, for the status line: "…" stays one phrase (its quotes are dropped). */
  function typedWords(q) {
    var out = [], re = /["＂]([^"＂]*)["＂]|(\S+)/g, m;
    while ((m = re.exec(String(q || "").trim())) !== null) {
      var w = m[1] !== undefined ? m[1].trim() : m[2];
      if (w && out.indexOf(w) < 0) out.push(w);
    }
    return out;
  }

  /* True when the query has something to search for (not only spaces). */
  function hasText(q) { return /\S/.test(String(q || "").normalize("NFKC")); }

  /* ---- header boxes ---- */
  function isSearchPage(form) {
    var target = new URL(form.getAttribute("action") || "", location.href).pathname.replace(/index\.html$/, "");
    return target === location.pathname.replace(/index\.html$/, "");
  }

  var page = null;
  function init() {
    var root = document.querySelector("[data-pia-search-page]");
    if (root && !root.getAttribute("data-pia-bound")) {
      root.setAttribute("data-pia-bound", "1");
      page = new Page(root);
      page.start();
    }
    document.querySelectorAll("form[data-pia-search-box]").forEach(function (form) {
      if (form.getAttribute("data-pia-bound")) return;
      form.setAttribute("data-pia-bound", "1");
      var input = form.querySelector("input[name=q]");
      if (input) input.addEventListener("focus", warm, { once: true });
      form.addEventListener("submit", function (e) {
        if (page && isSearchPage(form)) {
          e.preventDefault();
          page.submit(input ? input.value : "");
          page.input.focus();
        }
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
