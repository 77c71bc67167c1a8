// Starts the checker before anything else on the page (a classic script in <head>): the worker
// loads the module and compiles the stored platform's packs while the page's own scripts load,
// so the first check finds the packs compiled. Over http(s) only; browsers refuse workers
// from file:// and the single-file build checks on the main thread. engine.js adopts the
// worker from window.kefuBoot, or starts its own when this script did not run.
(() => {
  'use strict';
  if (!/^https?:$/.test(location.protocol) || typeof Worker !== 'function') return;
  let worker;
  try {
    worker = new Worker('worker.js');
  } catch {
    return;
  }
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
  window.kefuBoot = { worker, ready };
})();
