/** The cashier's display preferences, kept in this browser profile: language, receipt width, weight unit. */
import { create } from 'zustand';
import i18n, { LANGUAGES, type Language } from '../i18n';

export type WeightUnitPref = 'product' | 'jin' | 'kg';
export type Paper = 58 | 80;

interface Prefs {
  language: Language;
  paper: Paper;
  weightUnit: WeightUnitPref;
}

interface SettingsState extends Prefs {
  setLanguage(language: Language): void;
  setPaper(paper: Paper): void;
  setWeightUnit(unit: WeightUnitPref): void;
  reset(): void;
}

const KEY = 'markettill.settings';
const DEFAULTS: Prefs = { language: 'zh-CN', paper: 80, weightUnit: 'product' };

function load(): Prefs {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return DEFAULTS;
    const v = JSON.parse(raw) as Partial<Prefs>;
    return {
      language: LANGUAGES.find((l) => l === v.language) ?? DEFAULTS.language,
      paper: v.paper === 58 ? 58 : 80,
      weightUnit: v.weightUnit === 'jin' || v.weightUnit === 'kg' ? v.weightUnit : 'product',
    };
  } catch {
    // A damaged entry must not stop the till: fall back to the defaults.
    return DEFAULTS;
  }
}

function apply(p: Prefs): Prefs {
  void i18n.changeLanguage(p.language);
  if (typeof document !== 'undefined') document.documentElement.lang = p.language;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(p));
  } catch {
    // Private mode or a full disk: the preference lasts for this session only.
  }
  return p;
}

const pick = (s: Prefs): Prefs => ({ language: s.language, paper: s.paper, weightUnit: s.weightUnit });

export const useSettings = create<SettingsState>()((set, get) => ({
  ...apply(load()),
  setLanguage: (language) => set(apply({ ...pick(get()), language })),
  setPaper: (paper) => set(apply({ ...pick(get()), paper })),
  setWeightUnit: (weightUnit) => set(apply({ ...pick(get()), weightUnit })),
  reset: () => set(apply(DEFAULTS)),
}));
