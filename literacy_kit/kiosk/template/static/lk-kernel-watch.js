// Kiosk page: when the kernel behind this page dies, restarts or can no longer be
// reached, load the page again (a fresh kernel, the home screen) and, once back, show
// the short notice the server put in the page. The page's own unload beacon shuts the
// old kernel down on the way.
(function () {
  "use strict";
  var KEY = "lk-kiosk-kernel-lost";
  var notice = document.querySelector(".lk-kiosk-restart-notice");
  try {
    if (notice && window.sessionStorage.getItem(KEY)) {
      window.sessionStorage.removeItem(KEY);
      notice.hidden = false;
      window.setTimeout(function () { notice.hidden = true; }, 8000);
    }
  } catch (e) { /* storage disabled: no notice, the reload still works */ }

  var leaving = false;
  function backHome() {
    if (leaving) { return; }
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

  var tries = 0;
  (function waitForManager() {
    var app = window.jupyterapp;
    var manager = app && app.widgetManager;
    if (manager && manager.kernel) { watch(manager.kernel); return; }
    tries += 1;
    if (tries < 1200) { window.setTimeout(waitForManager, 100); }
  })();
})();
