// The checker, wherever it can run: a Web Worker over http(s), the main thread from file://
// (browsers refuse workers from an origin of 'null') or in the single-file build. Either way the
// interface is call(op, input, options, channel) -> Promise<{out} | {stale: true}>; with a
// channel, only the newest request's answer is delivered, so a slow stale result never
// overwrites a fresh one.
import { moduleOptions } from './state.js';

export const ABI_VERSION = 2;
// A worker still busy with a request this old when a newer one of the same channel arrives is
// computing something nobody will read (a 10 MB paste edited again): it is replaced by a fresh
// worker instead of finishing. Shorter checks just finish; their answers are dropped as stale.
const REPLACE_AFTER_MS = 400;

export async function startEngine() {
  const single = document.documentElement.dataset.build === 'single';
  if (typeof Worker === 'function') {
    try {
      if (!single && /^https?:$/.test(location.protocol)) return await startWorkerEngine('worker.js', globalThis.kefuBoot);
      // The single file (file:// refuses worker scripts from files): the module's and the
      // worker's text, both inside the page, as one blob: worker, which boot.js has started.
      const module = document.getElementById('kefu-module');
      const code = document.getElementById('kefu-worker');
      const boot = globalThis.kefuBoot;
      if (single && boot && boot.url) return await startWorkerEngine(boot.url, boot);
      if (single && module && code) {
        const url = URL.createObjectURL(new Blob([module.textContent, '\n', code.textContent], { type: 'text/javascript' }));
        return await startWorkerEngine(url, null);
      }
    } catch (error) {
      console.warn('kefu-lint: worker unavailable, checking on the main thread', error);
    }
  }
  return startMainThreadEngine();
}

function withChannels(kind, info, send) {
  const newest = new Map();
  let nextId = 1;
  return {
    kind,
    abi: info.abi,
    vocabulary: info.vocabulary,  // the built-in packs' words; main.js adds a custom pack's
    restarts: 0,
    // `list`: for op checkListed, how many findings to list (the summary counts all).
    async call(op, input, options, channel, list) {
      const id = nextId++;
      if (channel) newest.set(channel, id);
      const answer = await send(id, op, input ?? '', JSON.stringify(options ?? {}), channel, list);
      if (channel && newest.get(channel) !== id) return { stale: true };
      return answer;
    },
  };
}

function whenReady(worker) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start')), 15000);
    worker.addEventListener('message', (event) => {
      if (event.data && event.data.ready) resolve(event.data);
      else if (event.data && event.data.fatal) reject(new Error(event.data.fatal));
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'worker failed')));
  });
}

async function startWorkerEngine(url, boot) {
  const pending = new Map();  // id -> { request, done, sent }, in the order sent
  let worker = null;
  let started = false;

  function spawn(adopted) {
    const fresh = adopted || { worker: new Worker(url) };
    worker = fresh.worker;
    const ready = fresh.ready || whenReady(worker);
    worker.onmessage = (event) => {
      const message = event.data;
      if (!message || message.ready || message.fatal || !pending.has(message.id)) return;
      const { done } = pending.get(message.id);
      pending.delete(message.id);
      if (message.marks) workerMarks(message.marks);
      done(message.error ? { out: errorJson(message.error) } : message);
    };
    // A worker that dies after starting (the module aborting on an input it cannot hold) answers
    // its pending requests with an error and is replaced, so nothing waits forever.
    worker.onerror = (event) => {
      if (!started) return;  // whenReady reports a failed start
      const lost = [...pending.values()];
      pending.clear();
      worker.terminate();
      spawn(null).catch(() => {});
      for (const entry of lost) entry.done({ out: errorJson('the checker stopped: ' + (event.message || 'worker error')) });
    };
    return ready;
  }

  // Drops the worker that is stuck on a stale request of `channel`: its pending requests of that
  // channel are answered stale, the others are sent again to a fresh worker.
  function replace(channel, options) {
    worker.terminate();
    spawn(null).catch((error) => {
      for (const [id, entry] of pending) {
        pending.delete(id);
        entry.done({ out: errorJson(String(error.message || error)) });
      }
    });
    engine.restarts += 1;
    document.documentElement.dataset.engineRestarts = String(engine.restarts);  // for tests and support
    worker.postMessage({ warm: options });
    for (const [id, entry] of pending) {
      if (entry.request.channel === channel) {
        pending.delete(id);
        entry.done({ stale: true });
      } else {
        entry.sent = performance.now();
        worker.postMessage(entry.request);
      }
    }
  }

  const adopted = boot && boot.worker ? boot : null;
  const ready = spawn(adopted);
  // boot.js has asked for the packs already; otherwise ask now, before the module is even ready.
  if (!adopted) worker.postMessage({ warm: JSON.stringify(moduleOptions()) });
  const info = await Promise.race([ready, new Promise((_, reject) =>
    setTimeout(() => reject(new Error('worker did not start')), 15000))]);
  started = true;
  performance.mark('kefu:engine-ready');
  if (info.marks) workerMarks(info.marks);
  const engine = withChannels('worker', info, (id, op, input, options, channel, list) => new Promise((done) => {
    const request = { id, op, input, options, channel, list };
    if (channel) {
      const now = performance.now();
      for (const entry of pending.values())
        if (entry.request.channel === channel && now - entry.sent > REPLACE_AFTER_MS) {
          replace(channel, options);
          break;
        }
    }
    pending.set(id, { request, done, sent: performance.now() });
    worker.postMessage(request);
  }));
  engine.busy = () => pending.size > 0;
  return engine;
}

async function startMainThreadEngine() {
  // The single file holds the module as text (run in the worker): run it here instead. The page's
  // CSP lists the hash of exactly that text, so the inline script is allowed.
  const inline = document.getElementById('kefu-module');
  if (typeof globalThis.createKefuLint !== 'function' && inline) {
    const script = document.createElement('script');
    script.textContent = inline.textContent;
    document.head.append(script);
  }
  if (typeof globalThis.createKefuLint !== 'function') await loadScript('kefu_lint.js');
  const module = await globalThis.createKefuLint();
  const info = { abi: module.abiVersion(), vocabulary: JSON.parse(module.vocabulary('', '{}')) };
  performance.mark('kefu:engine-ready');
  const engine = withChannels('main', info, async (id, op, input, options, channel, list) =>
    ({ out: op === 'checkListed' ? module.checkListed(input, options, list) : module[op](input, options) }));
  engine.busy = () => false;
  return engine;
}

// The worker's start-up times (epoch ms) as kefu:worker:* marks on the page's timeline, for
// bench/page/startup.mjs: where the time before the first finding goes.
function workerMarks(marks) {
  for (const [name, at] of Object.entries(marks)) {
    const startTime = at - performance.timeOrigin;
    if (startTime >= 0 && !performance.getEntriesByName('kefu:worker:' + name).length)
      performance.mark('kefu:worker:' + name, { startTime });
  }
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error('cannot load ' + src));
    document.head.append(script);
  });
}

function errorJson(message) {
  return JSON.stringify({ errors: [{ code: 'page.E001', message, text: '[page.E001]: ' + message }] });
}

// Parses a module answer; anything unparseable becomes an error value like the core's.
export function parseAnswer(answer) {
  try {
    return JSON.parse(answer.out);
  } catch {
    return { errors: [{ code: 'page.E002', message: 'unreadable answer', text: '[page.E002]: unreadable answer' }] };
  }
}
