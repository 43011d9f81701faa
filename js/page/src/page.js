// The light notebook page: connect to the kernel Voila started for this page, load the
// widget models from it and show a view wherever the page holds a widget-view script.
//
// Generic: it names no domain and no application. It tells the page what happens through
// DOM events on `document` (so a page template can react without touching this bundle):
//   "lk-page-kernel"  detail {kernel}            the kernel connection exists (watch it)
//   "lk-page-ready"   detail {kernel, manager}   every widget view is shown
//   "lk-page-failed"  detail {error}             the kernel or the widgets could not load
//                                                (or not within LOAD_TIMEOUT)
// and keeps `window.lkPage = {kernel, manager, ready}` for page scripts.
import * as base from "@jupyter-widgets/base";
import { ManagerBase } from "@jupyter-widgets/base-manager";
import * as controls from "@jupyter-widgets/controls";
import { PageConfig } from "@jupyterlab/coreutils";
import { CommsOverSubshells } from "@jupyterlab/services/lib/kernel/comm";
import { KernelConnection } from "@jupyterlab/services/lib/kernel/default";
import { getKernelModel } from "@jupyterlab/services/lib/kernel/restapi";
import { ServerConnection } from "@jupyterlab/services/lib/serverconnection";
import { Widget } from "@lumino/widgets";

const LOAD_TIMEOUT = 60000; // ms
const VIEW_MIME = "application/vnd.jupyter.widget-view+json";
const MODULES = {
  "@jupyter-widgets/base": base,
  "@jupyter-widgets/controls": controls,
};

/** A widget manager whose comms run over one kernel connection. */
class PageWidgetManager extends ManagerBase {
  constructor(kernel) {
    super();
    this.kernel = kernel;
    kernel.registerCommTarget(this.comm_target_name, (comm, message) => {
      this.handle_comm_open(new base.shims.services.Comm(comm), message);
    });
  }

  async loadClass(className, moduleName, moduleVersion) {
    const module = MODULES[moduleName];
    if (module && module[className]) {
      return module[className];
    }
    throw new Error(`widget class not in this page: ${moduleName}@${moduleVersion} ${className}`);
  }

  async _create_comm(targetName, modelId, data, metadata, buffers) {
    const comm = this.kernel.createComm(targetName, modelId);
    if (data || metadata) {
      comm.open(data, metadata, buffers);
    }
    return new base.shims.services.Comm(comm);
  }

  async _get_comm_info() {
    const reply = await this.kernel.requestCommInfo({ target_name: this.comm_target_name });
    return reply.content.status === "ok" ? reply.content.comms : {};
  }

  /** Every model the kernel holds, in one round trip per model state. */
  load() {
    return this._loadFromKernel();
  }
}

async function showView(manager, script) {
  const host = document.createElement("div");
  host.className = "lk-page-view";
  script.replaceWith(host);
  const { model_id: modelId } = JSON.parse(script.textContent);
  if (!manager.has_model(modelId)) {
    return; // a widget closed before the page came: nothing to show
  }
  const model = await manager.get_model(modelId);
  const view = await manager.create_view(model);
  Widget.attach(view.luminoWidget, host);
}

function shutdownOnLeave(baseUrl, kernel) {
  let sent = false;
  const leave = () => {
    if (sent) {
      return;
    }
    sent = true;
    window.lkPage.leaving = true;
    // Voila's shutdown handler checks XSRF: the token travels with the form
    const form = new FormData();
    const cookie = document.cookie.match("\\b_xsrf=([^;]*)\\b");
    form.append("_xsrf", (cookie && cookie[1]) || "");
    navigator.sendBeacon(`${baseUrl}voila/api/shutdown/${kernel.id}`, form);
    kernel.dispose();
  };
  window.addEventListener("beforeunload", leave);
  window.addEventListener("pagehide", leave);
}

function emit(name, detail) {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

async function start() {
  const baseUrl = PageConfig.getBaseUrl();
  const kernelId = PageConfig.getOption("kernelId");
  const serverSettings = ServerConnection.makeSettings({ baseUrl });
  // Voila lets a page send comm and kernel-info messages only: no subshell requests
  const kernel = new KernelConnection({
    model: { id: kernelId, name: "" },
    serverSettings,
    commsOverSubshells: CommsOverSubshells.Disabled,
  });
  const manager = new PageWidgetManager(kernel);
  window.lkPage.kernel = kernel;
  window.lkPage.manager = manager;
  shutdownOnLeave(baseUrl, kernel);
  emit("lk-page-kernel", { kernel });
  // A kernel that is already gone (culled, server restarted) would only show after the
  // connection's retries (a minute): ask the server once, alongside the first messages.
  const pending = () => new Promise(() => {}); // the loading decides
  const gone = getKernelModel(kernelId, serverSettings).then((model) => {
    if (!model) {
      throw new Error(`kernel ${kernelId} is gone`);
    }
    return pending();
  }, pending);
  await Promise.race([manager.load(), gone]);
  const scripts = Array.from(document.querySelectorAll(`script[type="${VIEW_MIME}"]`));
  const shown = await Promise.allSettled(scripts.map((script) => showView(manager, script)));
  const failed = shown.find((result) => result.status === "rejected");
  if (failed) {
    throw failed.reason;
  }
  return { kernel, manager };
}

window.lkPage = { leaving: false };
function timeout(ms) {
  return new Promise((_resolve, reject) => {
    window.setTimeout(() => reject(new Error(`the page did not load in ${ms} ms`)), ms);
  });
}

window.lkPage.ready = Promise.race([start(), timeout(LOAD_TIMEOUT)]).then(
  (loaded) => {
    emit("lk-page-ready", loaded);
    return loaded;
  },
  (error) => {
    console.error("lk-page:", error);
    if (!window.lkPage.leaving) {
      emit("lk-page-failed", { error });
    }
    return null;
  },
);
