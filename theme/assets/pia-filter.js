// Filters on the 委託先 list: 団体, 事務 (text), 再委託あり. Progressive enhancement: the form is hidden
// in the HTML and shown here, so without JavaScript the full table stays readable.
(function () {
  "use strict";
  var form = document.querySelector("form.pia-filter");
  if (!form) { return; }
  var wrap = form.nextElementSibling;
  var table = wrap && wrap.querySelector("table");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var count = form.querySelector(".pia-filter-count");
  function cell(row, label) {
    var td = row.querySelector('td[data-label="' + label + '"]');
    return td ? td.textContent : "";
  }
  function apply() {
    var org = form.elements.org.value;
    var work = form.elements.work.value.trim();
    var sub = form.elements.sub.checked;
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!org || cell(row, "団体").split(" ほか ")[0].split("、").indexOf(org) >= 0) &&
        (!work || cell(row, "事務(評価書)").indexOf(work) >= 0) &&
        (!sub || cell(row, "再委託") === "あり");
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " 件を表示中";
  }
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  apply();
}());
