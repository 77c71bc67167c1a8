// Local storage with a prefix. Storage can be missing or full (private windows, file:// in some
// browsers); the page must keep working then, it just forgets on reload.
const PREFIX = 'kefu-lint:';

export function load(key, fallback) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

export function save(key, value) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // quota or disabled storage: nothing to do but keep the value in memory
  }
}

export function forget(key) {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // see save()
  }
}
