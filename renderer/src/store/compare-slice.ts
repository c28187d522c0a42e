// Scenarios pinned for side-by-side comparison at one shared load, and their results.

import type { StateCreator } from 'zustand';
import type { AnyRunResult, PreviewResult } from '../sim-client/requests';
import type { CostBreakdown } from '../../../sim-core/index';
import type { AppStore } from './index';

export interface CompareEntryResult {
  result?: AnyRunResult;
  preview?: PreviewResult | null;
  cost?: CostBreakdown | null;
  error?: string;
}

export interface CompareSlice {
  compareIds: string[];
  compareUsers: number;
  compareResults: Record<string, CompareEntryResult>;
  toggleCompare: (id: string) => void;
  setCompareUsers: (n: number) => void;
}

export const createCompareSlice: StateCreator<AppStore, [], [], CompareSlice> = (set) => ({
  compareIds: [],
  compareUsers: 1000,
  compareResults: {},
  toggleCompare: (id) =>
    set((s) => ({ compareIds: s.compareIds.includes(id) ? s.compareIds.filter((x) => x !== id) : [...s.compareIds, id] })),
  setCompareUsers: (n) => set({ compareUsers: Math.max(1, Math.round(n)) }),
});
