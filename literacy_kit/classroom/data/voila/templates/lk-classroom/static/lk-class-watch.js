// Learner pages: when the kernel behind the page dies, restarts or can no longer be
// reached, or the page could not load, load the same page again once (the hub starts the
// learner's server again if it stopped; every answer is already saved), then show the
// notice the page holds. At most one automatic reload a minute: a page that keeps failing
// stays put with its notice instead of looping. The light page (lk-page.js) announces its
// kernel and its failures with DOM events; the classroom's error page (a page the server
// could not make, e.g. no kernel would start) is marked with data-lk-class-failed.
(function () {
  "use strict";
  var KEY = "lk-class-reloaded-at";
  var QUIET_MS = 60000;
  var RETRY_MS = 3000;

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

  document.addEventListener("lk-page-ready", function () {
    if (reloadedRecently()) { notice(); }
  });
  document.addEventListener("lk-page-kernel", function (event) {
    var kernel = event.detail.kernel;
    kernel.statusChanged.connect(function (_kernel, status) {
      if (status === "restarting" || status === "autorestarting" || status === "dead") { again(); }
    });
    kernel.connectionStatusChanged.connect(function (_kernel, status) {
      if (status === "disconnected") { again(); }
    });
  });
  document.addEventListener("lk-page-failed", function () { window.setTimeout(again, RETRY_MS); });
  // the classroom's error page (error.html) for a page the server could not make
  if (document.querySelector("[data-lk-class-failed]")) { window.setTimeout(again, RETRY_MS); }
})();
