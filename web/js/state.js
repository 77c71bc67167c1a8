// The user's choices (platform, shop pack, language, custom pack), kept in local storage, and
// the options object every module call gets from them.
import { load, save } from './store.js';

const DEFAULTS = { platform: 'taobao', shop: true, lang: 'zh', customPack: null };
export const settings = { ...DEFAULTS, ...load('settings', {}) };
const listeners = [];

export function updateSettings(changes) {
  Object.assign(settings, changes);
  save('settings', settings);
  for (const listener of listeners) listener(changes);
}

export function resetSettings() {
  updateSettings({ ...DEFAULTS, lang: settings.lang });
}

export function onSettingsChange(listener) {
  listeners.push(listener);
}

export function moduleOptions(extra) {
  const options = { platform: settings.platform, shop: settings.shop, ...extra };
  if (settings.customPack) options.packs = [settings.customPack];
  return options;
}
