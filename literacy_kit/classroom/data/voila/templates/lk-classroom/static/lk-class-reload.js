// Learner pages: load the same page again once (the hub starts the learner's server again
// if it stopped; every answer is already saved), at most once a minute: a page that keeps
// failing stays put and shows the "opened again" notice it holds instead of looping.
// Loaded in the page's head, so it runs even when the page never arrives in full; used by
// the kernel watch (lk-class-watch.js), the classroom's error page and the "never ready"
// backstop below.
(function () {
  "use strict";
  var KEY = "lk-class-reloaded-at";
  var QUIET_MS = 60000;

  function notice() {
    var node = document.querySelector(".lk-class-restart-notice");
    if (node) { node.hidden = false; }
  }

  function reloadedRecently() {
    try {
      var at = Number(window.sessionStorage.getItem(KEY) || 0);
      return Date.now() - at < QUIET_MS;
    } catch (e) { return false; }
  }

  var leaving = false;
  function again() {
    if (leaving || (window.lkPage && window.lkPage.leaving)) { return; }
    if (reloadedRecently()) { notice(); return; }
    leaving = true;
    try { window.sessionStorage.setItem(KEY, String(Date.now())); } catch (e) { /* no storage */ }
    window.location.reload();
  }

  // Backstop for a page whose stream never ends (its kernel died or hung while Voila ran
  // the notebook, Voila issue 1311: the response stays open with heartbeats, so the
  // page's own script and its kernel watch never arrive): when the light page has not
  // said "ready" or "failed" (lk-page.js) within `seconds`, load the page again.
  function untilReady(seconds) {
    var ms = Number(seconds) * 1000;
    if (!(ms > 0)) { return; }
    var timer = window.setTimeout(again, ms);
    function settled() { window.clearTimeout(timer); }
    document.addEventListener("lk-page-ready", settled);
    document.addEventListener("lk-page-failed", settled);
  }

  window.lkClassReload = { again: again, notice: notice, reloadedRecently: reloadedRecently,
                           untilReady: untilReady };
})();
