// Kiosk page: when the kernel behind this page dies, restarts or can no longer be
// reached, or the page could not load, load the page again (a fresh kernel, the home
// screen) and, once back, show the short notice the server put in the page. The page's
// own unload beacon shuts the old kernel down on the way. The light page (lk-page.js)
// announces its kernel and its failures with DOM events.
// It runs in the page's head, before the page's cells arrive: a page whose stream never
// ends (its kernel hung or died while Voila ran the notebook) still goes home.
(function () {
  "use strict";
  var KEY = "lk-kiosk-kernel-lost";
  var RETRY_MS = 3000; // a page that failed to load waits a little before trying again
  var READY_MS = 90000; // a page that never reported ready (never loaded, never ended) tries again

  function showNotice() {
    var notice = document.querySelector(".lk-kiosk-restart-notice");
    try {
      if (notice && window.sessionStorage.getItem(KEY)) {
        window.sessionStorage.removeItem(KEY);
        notice.hidden = false;
        window.setTimeout(function () { notice.hidden = true; }, 8000);
      }
    } catch (e) { /* storage disabled: no notice, the reload still works */ }
  }
  // the notice is in the page's footer, which exists once the document is parsed
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showNotice);
  } else {
    showNotice();
  }

  var leaving = false;
  function backHome() {
    if (leaving || (window.lkPage && window.lkPage.leaving)) { return; }
    leaving = true;
    try { window.sessionStorage.setItem(KEY, "1"); } catch (e) { /* see above */ }
    window.location.replace(window.location.pathname);
  }

  function watch(kernel) {
    kernel.statusChanged.connect(function (_kernel, status) {
      if (status === "restarting" || status === "autorestarting" || status === "dead") {
        backHome();
      }
    });
    kernel.connectionStatusChanged.connect(function (_kernel, status) {
      if (status === "disconnected") { backHome(); }
    });
  }

  var notReady = window.setTimeout(backHome, READY_MS);
  document.addEventListener("lk-page-ready", function () { window.clearTimeout(notReady); });
  document.addEventListener("lk-page-kernel", function (event) { watch(event.detail.kernel); });
  document.addEventListener("lk-page-failed", function () {
    window.setTimeout(backHome, RETRY_MS);
  });
})();
