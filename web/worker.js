// Runs the checker off the main thread so typing never waits for it. Classic worker: the module
// is a classic script (file:// pages run no module scripts), loaded with importScripts.
/* global createKefuLint */
// Where the start-up time goes, on the epoch clock (the page puts them on its own timeline as
// kefu:worker:* marks; bench/page/startup.mjs reads them): sent with the ready message and the
// first answer.
const clock = () => performance.timeOrigin + performance.now();
let marks = { start: globalThis.kefuWorkerStart || clock() };
importScripts('kefu_lint.js');
marks.parsed = clock();

const OPS = ['check', 'checkListed', 'mask', 'transcript', 'deadlines', 'points', 'rules', 'validate', 'fix', 'phrases', 'quiz', 'vocabulary'];
let kefu = null;
// Requests queued while one runs; per channel only the newest is worth computing.
let queue = [];
let flushing = false;

createKefuLint().then(
  (module) => {
    kefu = module;
    marks.runtime = clock();
    const inflated = performance.getEntriesByName('kefu:wasm-inflated')[0];
    if (inflated) marks.inflated = performance.timeOrigin + inflated.startTime;
    const vocabulary = JSON.parse(module.vocabulary('', '{}'));
    marks.vocabulary = clock();
    postMessage({ ready: true, abi: module.abiVersion(), vocabulary, marks });
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
      if (marks && !marks.warm) marks.warm = clock();
    } else if (request.channel && newest.get(request.channel) !== request.id) {
      postMessage({ id: request.id, stale: true });
    } else if (!OPS.includes(request.op)) {
      postMessage({ id: request.id, error: 'unknown operation ' + request.op });
    } else if (marks) {
      marks.request = clock();
      const out = answer(request);
      marks.answer = clock();
      postMessage({ id: request.id, out, marks });
      marks = null;  // the first answer carries them, once
    } else {
      postMessage({ id: request.id, out: answer(request) });
    }
  }
}

// checkListed (a text too large to list whole: its first `list` findings through the typed
// boundary) takes a third argument; the others are the module's (input, options) functions.
function answer(request) {
  if (request.op === 'checkListed') return kefu.checkListed(request.input, request.options, request.list);
  return kefu[request.op](request.input, request.options);
}
