/**
 * The till's spoken announcements (语音播报): what was said, and saying it
 * when the settings allow. The clip sequence comes from shared/speech; the
 * sink is the speakers, or a silent one in component tests.
 */
import { create } from 'zustand';
import {
  announcementClips,
  announcementText,
  type ClipName,
  type SpokenOutcome,
} from '../../shared/speech/announcement';
import { useSettings } from '../stores/settings';
import { speakers, type SpeechSink } from './player';

export interface Spoken {
  clips: ClipName[];
  text: string;
}

/** The last announcements kept for the screen and tests; older ones are dropped. */
export const SPOKEN_KEPT_MAX = 20;

interface SpeechState {
  spoken: Spoken[];
  sink: SpeechSink;
  announce(outcome: SpokenOutcome): void;
  setSink(sink: SpeechSink): void;
  reset(): void;
}

export const useSpeech = create<SpeechState>()((set, get) => ({
  spoken: [],
  sink: speakers,
  announce(outcome) {
    const { voice, volume_pct } = useSettings.getState();
    if (!voice) return;
    const said: Spoken = { clips: announcementClips(outcome), text: announcementText(outcome) };
    set((s) => ({ spoken: [...s.spoken, said].slice(-SPOKEN_KEPT_MAX) }));
    void get().sink(said.clips, volume_pct);
  },
  setSink: (sink) => set({ sink }),
  reset: () => set({ spoken: [] }),
}));
