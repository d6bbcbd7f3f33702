/** The cashier's preferences, kept in this browser profile: language, receipt width, weight unit, spoken announcements. */
import { create } from 'zustand';
import i18n, { LANGUAGES, type Language } from '../i18n';

export type WeightUnitPref = 'product' | 'jin' | 'kg';
export type Paper = 58 | 80;

interface Prefs {
  language: Language;
  paper: Paper;
  weightUnit: WeightUnitPref;
  /** say paid and failed tenders aloud (语音播报) */
  voice: boolean;
  /** announcement volume, 0–100 % */
  volume_pct: number;
}

interface SettingsState extends Prefs {
  setLanguage(language: Language): void;
  setPaper(paper: Paper): void;
  setWeightUnit(unit: WeightUnitPref): void;
  setVoice(on: boolean): void;
  setVolume(pct: number): void;
  reset(): void;
}

const KEY = 'markettill.settings';
const DEFAULTS: Prefs = { language: 'zh-CN', paper: 80, weightUnit: 'product', voice: true, volume_pct: 80 };
export const VOLUME_PCT_MAX = 100;
const volume = (v: unknown): number =>
  typeof v === 'number' && Number.isFinite(v)
    ? Math.min(VOLUME_PCT_MAX, Math.max(0, Math.round(v)))
    : DEFAULTS.volume_pct;

function load(): Prefs {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return DEFAULTS;
    const v = JSON.parse(raw) as Partial<Prefs>;
    return {
      language: LANGUAGES.find((l) => l === v.language) ?? DEFAULTS.language,
      paper: v.paper === 58 ? 58 : 80,
      weightUnit: v.weightUnit === 'jin' || v.weightUnit === 'kg' ? v.weightUnit : 'product',
      voice: v.voice !== false,
      volume_pct: volume(v.volume_pct),
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

const pick = (s: Prefs): Prefs => ({
  language: s.language,
  paper: s.paper,
  weightUnit: s.weightUnit,
  voice: s.voice,
  volume_pct: s.volume_pct,
});

export const useSettings = create<SettingsState>()((set, get) => ({
  ...apply(load()),
  setLanguage: (language) => set(apply({ ...pick(get()), language })),
  setPaper: (paper) => set(apply({ ...pick(get()), paper })),
  setWeightUnit: (weightUnit) => set(apply({ ...pick(get()), weightUnit })),
  setVoice: (voice) => set(apply({ ...pick(get()), voice })),
  setVolume: (pct) => set(apply({ ...pick(get()), volume_pct: volume(pct) })),
  reset: () => set(apply(DEFAULTS)),
}));
