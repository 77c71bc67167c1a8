// Starts the checker before anything else on the page (a classic script in <head>): the worker
// loads the module and compiles the stored platform's packs while the page's own scripts load,
// so the first check finds the packs compiled. Over http(s) the worker is worker.js; in the
// single file (which browsers open from file://, where worker scripts from files are refused)
// it is a blob: of the module's and the worker's text, which the build puts in <head> just
// before this script as text/plain (not run on the page). engine.js adopts the worker from
// window.kefuBoot, or starts its own when this script did not run.
(() => {
  'use strict';
  const single = document.documentElement.dataset.build === 'single';
  if (typeof Worker !== 'function' || (!single && !/^https?:$/.test(location.protocol))) return;
  let worker;
  let url = 'worker.js';
  try {
    if (single) {
      const module = document.getElementById('kefu-module');
      const code = document.getElementById('kefu-worker');
      if (!module || !code) return;
      // The first line records when the worker started, for bench/page/startup.mjs.
      url = URL.createObjectURL(new Blob(['self.kefuWorkerStart = performance.timeOrigin + performance.now();\n',
        module.textContent, '\n', code.textContent], { type: 'text/javascript' }));
    }
    worker = new Worker(url);
  } catch {
    return;
  }
  performance.mark('kefu:boot');
  const ready = new Promise((resolve, reject) => {
    worker.addEventListener('message', (event) => {
      if (event.data && event.data.ready) resolve(event.data);
      else if (event.data && event.data.fatal) reject(new Error(event.data.fatal));
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'worker failed')));
  });
  ready.catch(() => {});  // engine.js reports it
  let stored = {};
  try {
    stored = JSON.parse(localStorage.getItem('kefu-lint:settings')) || {};
  } catch {
    // storage disabled: the defaults
  }
  const options = { platform: typeof stored.platform === 'string' ? stored.platform : 'taobao', shop: stored.shop !== false };
  if (stored.customPack && typeof stored.customPack.json === 'string') options.packs = [stored.customPack];
  worker.postMessage({ warm: JSON.stringify(options) });
  window.kefuBoot = { worker, ready, url };
})();
