// Local storage with a prefix. Storage can be missing or full (private windows, file:// in some
// browsers, a 10 MB paste against a 5 MB quota); the page keeps working then and never drops what
// is on screen: it says once that this will not survive a reload (onStorageProblem listeners).
const PREFIX = 'kefu-lint:';
const listeners = [];
let lastProblem = null;

export function onStorageProblem(listener) {
  listeners.push(listener);
  if (lastProblem) listener(lastProblem);
}

function problem(kind) {
  if (lastProblem === kind) return;
  lastProblem = kind;
  for (const listener of listeners) listener(kind);
}

function storage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;  // access itself throws when storage is disabled
  }
}

export function load(key, fallback) {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    return raw === null || raw === undefined ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

export function save(key, value) {
  const store = storage();
  if (!store) return problem('off');
  try {
    store.setItem(PREFIX + key, JSON.stringify(value));
    if (lastProblem === 'full') lastProblem = null;  // room again; say so again next time it fills
  } catch (error) {
    // Quota or a storage that refuses writes: the older copy stays stored, what is on screen stays.
    problem(error && (error.name === 'QuotaExceededError' || error.code === 22) ? 'full' : 'off');
  }
}

export function forget(key) {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // see save()
  }
}
