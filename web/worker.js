// Runs the checker off the main thread so typing never waits for it. Classic worker: the module
// is a classic script (file:// pages run no module scripts), loaded with importScripts.
/* global createKefuLint */
importScripts('kefu_lint.js');

const OPS = ['check', 'mask', 'transcript', 'deadlines', 'points', 'rules', 'validate', 'fix', 'phrases', 'quiz', 'vocabulary'];
let kefu = null;
// Requests queued while one runs; per channel only the newest is worth computing.
let queue = [];
let flushing = false;

createKefuLint().then(
  (module) => {
    kefu = module;
    postMessage({ ready: true, abi: module.abiVersion(), vocabulary: JSON.parse(module.vocabulary('', '{}')) });
    flush();
  },
  (error) => postMessage({ fatal: String(error && error.message || error) }),
);

onmessage = (event) => {
  queue.push(event.data);
  if (!flushing) {
    flushing = true;
    setTimeout(flush, 0);
  }
};

function flush() {
  flushing = false;
  if (!kefu) return;
  const pending = queue;
  queue = [];
  const newest = new Map();
  for (const request of pending) if (request.channel) newest.set(request.channel, request.id);
  for (const request of pending) {
    if (request.warm) {
      // Compiles the packs the page is about to use (engine cache); nothing to answer.
      kefu.check('', request.warm);
    } else if (request.channel && newest.get(request.channel) !== request.id) {
      postMessage({ id: request.id, stale: true });
    } else if (!OPS.includes(request.op)) {
      postMessage({ id: request.id, error: 'unknown operation ' + request.op });
    } else {
      postMessage({ id: request.id, out: kefu[request.op](request.input, request.options) });
    }
  }
}
