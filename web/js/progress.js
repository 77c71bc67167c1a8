// A progress line for checks that take a while (a pasted 10 MB transcript): shown after a short
// delay, with the input size and the seconds so far, while the worker computes. The module call
// is one step, so the bar is indeterminate; the counter shows the page is alive.
import { t } from './i18n.js';

const SHOW_AFTER_MS = 150;

export function progressLine(node) {
  const bar = node.querySelector('progress');
  const text = node.querySelector('span');
  let run = 0;
  let timers = [];
  const stopTimers = () => {
    for (const timer of timers) clearTimeout(timer), clearInterval(timer);
    timers = [];
  };
  return {
    // Returns the run's token; stop(token) hides the line unless a newer run started since.
    start(chars) {
      stopTimers();
      const mine = ++run;
      const started = performance.now();
      const tick = () => {
        node.hidden = false;
        bar.removeAttribute('value');
        text.textContent = t('progress', { size: sizeText(chars), seconds: ((performance.now() - started) / 1000).toFixed(1) });
      };
      timers.push(setTimeout(() => {
        tick();
        timers.push(setInterval(tick, 250));
      }, SHOW_AFTER_MS));
      return mine;
    },
    stop(token) {
      if (token !== run) return;
      stopTimers();
      node.hidden = true;
    },
  };
}

export function sizeText(chars) {
  const n = chars < 10000 ? String(chars) : chars < 1e6 ? `${(chars / 1000).toFixed(0)} K` : `${(chars / 1e6).toFixed(1)} M`;
  return t('size.chars', { n });
}
