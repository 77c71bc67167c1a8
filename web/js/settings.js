// 设置: platform, shop pack, language, the 本店规范 form (shop-code.js) and, as its advanced view,
// a custom pack as JSON. A custom pack is validated by the core (errors shown with their JSON
// pointers) and only then stored and used.
import { $, clear, download, readFileText } from './dom.js';
import { parseAnswer } from './engine.js';
import { errorItems } from './findings.js';
import { t } from './i18n.js';
import { moduleOptions, resetSettings, settings, updateSettings } from './state.js';
import { initShopCode } from './shop-code.js';
import { forget, load, save } from './store.js';

export function initSettings(engine) {
  const shop = $('#shop-pack');
  const lang = $('#settings-lang');
  const box = $('#custom-pack');
  const errors = $('#custom-pack-errors');
  const status = $('#custom-pack-status');
  let fileName = settings.customPack?.name || 'custom.json';

  function show() {
    shop.checked = settings.shop;
    lang.value = settings.lang;
  }
  show();
  box.value = load('draft.pack', settings.customPack?.json || '');

  shop.addEventListener('change', () => updateSettings({ shop: shop.checked }));
  lang.addEventListener('change', () => updateSettings({ lang: lang.value }));
  box.addEventListener('input', () => save('draft.pack', box.value));

  $('#custom-pack-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (!file) return;
    fileName = file.name;
    box.value = await readFileText(file);
    save('draft.pack', box.value);
    apply();
  });
  $('#custom-pack-apply').addEventListener('click', apply);
  $('#custom-pack-export').addEventListener('click', () => {
    if (box.value.trim()) download(fileName, box.value, 'application/json');
    else status.textContent = t('custom.none');
  });
  $('#custom-pack-reset').addEventListener('click', () => {
    box.value = '';
    forget('draft.pack');
    clear(errors);
    resetSettings();
    show();
    status.textContent = t('custom.removed');
  });

  async function apply() {
    clear(errors);
    const json = box.value;
    let result = parseAnswer(await engine.call('validate', json, { name: fileName }));
    // A pack valid on its own can still clash with the built-in ones (a duplicate rule id).
    if (!result.errors) result = parseAnswer(await engine.call('check', '', { ...moduleOptions(), packs: [{ name: fileName, json }] }));
    if (result.errors) {
      errors.append(...errorItems(result.errors));
      status.textContent = t('custom.invalid', { n: result.errors.length });
      return;
    }
    updateSettings({ customPack: { name: fileName, json } });
    status.textContent = t('custom.ok', { name: fileName });
  }

  // The form's way into the JSON box: a saved form pack is shown here too; a pack the form cannot
  // represent is opened here, validated and used as it is.
  const advanced = {
    show(json) {
      box.value = json;
      save('draft.pack', json);
      clear(errors);
      status.textContent = '';
    },
    open(json, name) {
      fileName = name;
      box.value = json;
      save('draft.pack', json);
      $('#custom-advanced').open = true;
      return apply();
    },
  };
  const shopCode = initShopCode(engine, advanced);

  return {
    refresh: () => {
      show();
      shopCode.refresh();
    },
  };
}
