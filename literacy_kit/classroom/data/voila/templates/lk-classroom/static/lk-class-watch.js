// Learner pages: when the kernel behind the page dies, restarts or can no longer be
// reached, or the page could not load, load the same page again once (lk-class-reload.js,
// loaded before this script, holds the reload and its once-a-minute guard), then show the
// notice the page holds. The light page (lk-page.js) announces its kernel and its failures
// with DOM events; the classroom's error page (a page the server could not make, e.g. no
// kernel would start) is marked with data-lk-class-failed.
(function () {
  "use strict";
  var RETRY_MS = 3000;
  var reload = window.lkClassReload;

  document.addEventListener("lk-page-ready", function () {
    if (reload.reloadedRecently()) { reload.notice(); }
  });
  document.addEventListener("lk-page-kernel", function (event) {
    var kernel = event.detail.kernel;
    kernel.statusChanged.connect(function (_kernel, status) {
      if (status === "restarting" || status === "autorestarting" || status === "dead") { reload.again(); }
    });
    kernel.connectionStatusChanged.connect(function (_kernel, status) {
      if (status === "disconnected") { reload.again(); }
    });
  });
  document.addEventListener("lk-page-failed", function () { window.setTimeout(reload.again, RETRY_MS); });
  // the classroom's error page (error.html) for a page the server could not make
  if (document.querySelector("[data-lk-class-failed]")) { window.setTimeout(reload.again, RETRY_MS); }
})();
