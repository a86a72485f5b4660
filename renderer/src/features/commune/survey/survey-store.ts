import { create } from 'zustand';

/** Who is keying ("Người nhập"): kept across forms and screens for the session. */
export const useSurveyStore = create<{ keyedBy: string | null; setKeyedBy(name: string): void }>((set) => ({
  keyedBy: null,
  setKeyedBy: (keyedBy) => set({ keyedBy }),
}));
