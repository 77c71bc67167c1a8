// Text too large for a textarea. Chromium lays out a 10 MB textarea for seconds (11 s measured
// headless) on the main thread, whatever the worker does. A paste or a file past LARGE characters
// is therefore kept here, the box shows its beginning read-only with a note, and the checks read
// the whole text from value(). 清空 (or a smaller paste) gives the box back.
import { el } from './dom.js';
import { t } from './i18n.js';
import { sizeText } from './progress.js';

export const LARGE = 200000;
const PREVIEW = 20000;

export function bigTextBox(box, note, onChange) {
  let full = null;

  function set(text) {
    if (text.length > LARGE) {
      full = text;
      box.value = text.slice(0, PREVIEW);
      box.readOnly = true;
      note.replaceChildren(t('big.note', { size: sizeText(text.length), shown: sizeText(PREVIEW) }), ' ',
        el('button', { type: 'button', class: 'big-clear', onclick: () => { set(''); box.focus(); } }, t('big.clear')));
      note.hidden = false;
    } else {
      full = null;
      box.readOnly = false;
      box.value = text;
      note.hidden = true;
      note.replaceChildren();
    }
    onChange();
  }

  // The page starts checking only once the module is loaded, but the box takes typing and pastes
  // from the moment it is on screen: what is in it then wins over the stored draft, which would
  // otherwise wipe it. Answers whether the box held text of its own (the caller stores it).
  function restore(draft) {
    const typed = box.value;
    const text = typed || draft || '';
    if (text.length > LARGE) set(text);
    else if (!typed) box.value = text;
    return typed !== '';
  }

  box.addEventListener('paste', (event) => {
    const pasted = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    const current = full ?? box.value;
    if (full === null && current.length + pasted.length <= LARGE) return;  // the browser pastes
    event.preventDefault();
    if (full !== null) return set(pasted);  // a paste over the preview replaces the big text
    set(current.slice(0, box.selectionStart) + pasted + current.slice(box.selectionEnd));
  });

  return {
    value: () => full ?? box.value,
    restore,
    isBig: () => full !== null,
    set,
  };
}
