/* A local ResizeObserver for browsers without one (Safari before 13.1, old Chromium and Firefox).
 * Material's bundle fetches a polyfill from unpkg.com when `ResizeObserver` is undefined; defining it
 * here, before the bundle, keeps every request on this site. Material reads the sizes itself
 * (offsetWidth/offsetHeight), so reporting the observed elements on observe() and on window resize is
 * enough for its header, tabs and sidebars. */
(function () {
  "use strict";
  if (typeof window.ResizeObserver !== "undefined") return;
  function LocalResizeObserver(callback) {
    var observer = this, targets = [];
    function notify() {
      if (!targets.length) return;
      callback(targets.map(function (t) {
        return { target: t, contentRect: t.getBoundingClientRect() };
      }), observer);
    }
    this.observe = function (target) {
      if (targets.indexOf(target) < 0) targets.push(target);
      setTimeout(notify, 0);
    };
    this.unobserve = function (target) {
      targets = targets.filter(function (t) { return t !== target; });
    };
    this.disconnect = function () {
      targets = [];
      window.removeEventListener("resize", notify);
    };
    window.addEventListener("resize", notify);
  }
  window.ResizeObserver = LocalResizeObserver;
})();
