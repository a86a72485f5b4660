import { create } from 'zustand';
import type { Identity } from '@shared/identity';
import type { Lang } from '../i18n';
import { setLanguage } from '../i18n';
// The app's own state (who this unit is, the language), loaded before any screen: no hook here.
import { client } from '../lib/api';

interface AppState {
  status: 'loading' | 'ready' | 'error';
  identity: Identity | null;
  lang: Lang;
  loadError: string | null;
  load(): Promise<void>;
  setIdentity(identity: Identity): void;
  changeLanguage(lang: Lang): Promise<void>;
}

export const useAppStore = create<AppState>((set) => ({
  status: 'loading',
  identity: null,
  lang: 'vi',
  loadError: null,
  async load() {
    try {
      const [identity, lang] = await Promise.all([
        client.setup.get(),
        client.settings.get({ key: 'language' }),
      ]);
      const l: Lang = lang === 'en' ? 'en' : 'vi';
      setLanguage(l);
      set({ status: 'ready', identity, lang: l, loadError: null });
    } catch (err) {
      set({ status: 'error', loadError: err instanceof Error ? err.message : String(err) });
    }
  },
  setIdentity(identity) {
    set({ identity });
  },
  async changeLanguage(lang) {
    await client.settings.set({ key: 'language', value: lang });
    setLanguage(lang);
    set({ lang });
  },
}));
