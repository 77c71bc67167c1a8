// The checker, wherever it can run: a Web Worker over http(s), the main thread from file://
// (browsers refuse workers there, TOOLCHAIN row 11) or in the single-file build. Either way the
// interface is call(op, input, options, channel) -> Promise<{out} | {stale: true}>; with a
// channel, only the newest request's answer is delivered, so a slow stale result never
// overwrites a fresh one.
export const ABI_VERSION = 1;

export async function startEngine() {
  const single = document.documentElement.dataset.build === 'single';
  if (!single && /^https?:$/.test(location.protocol) && typeof Worker === 'function') {
    try {
      return await startWorkerEngine();
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
    platforms: info.platforms,
    async call(op, input, options, channel) {
      const id = nextId++;
      if (channel) newest.set(channel, id);
      const answer = await send(id, op, input ?? '', JSON.stringify(options ?? {}), channel);
      if (channel && newest.get(channel) !== id) return { stale: true };
      return answer;
    },
  };
}

function startWorkerEngine() {
  return new Promise((resolve, reject) => {
    const worker = new Worker('worker.js');
    const waiting = new Map();
    const timer = setTimeout(() => reject(new Error('worker did not start')), 15000);
    worker.onerror = (event) => {
      clearTimeout(timer);
      reject(new Error(event.message || 'worker failed'));
    };
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.ready) {
        clearTimeout(timer);
        resolve(withChannels('worker', message, (id, op, input, options, channel) =>
          new Promise((done) => {
            waiting.set(id, done);
            worker.postMessage({ id, op, input, options, channel });
          })));
      } else if (message.fatal) {
        clearTimeout(timer);
        reject(new Error(message.fatal));
      } else if (waiting.has(message.id)) {
        const done = waiting.get(message.id);
        waiting.delete(message.id);
        done(message.error ? { out: errorJson(message.error) } : message);
      }
    };
  });
}

async function startMainThreadEngine() {
  if (typeof globalThis.createKefuLint !== 'function') await loadScript('kefu_lint.js');
  const module = await globalThis.createKefuLint();
  const info = { abi: module.abiVersion(), platforms: JSON.parse(module.platforms()) };
  return withChannels('main', info, async (id, op, input, options) => ({ out: module[op](input, options) }));
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
  return JSON.stringify({ errors: [{ code: 'page.E001', message, text: '[page.E001] ' + message }] });
}

// Parses a module answer; anything unparseable becomes an error value like the core's.
export function parseAnswer(answer) {
  try {
    return JSON.parse(answer.out);
  } catch {
    return { errors: [{ code: 'page.E002', message: 'unreadable answer', text: '[page.E002] unreadable answer' }] };
  }
}
