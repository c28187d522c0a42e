// The one bound store, assembled from its slices; middleware (none yet) would be applied here only.

import { create } from 'zustand';
import { createCompareSlice, type CompareSlice } from './compare-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createScenarioSlice, type ScenarioSlice } from './scenario-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppStore = ScenarioSlice & RunSlice & CompareSlice & UiSlice;

export const useAppStore = create<AppStore>()((...a) => ({
  ...createScenarioSlice(...a),
  ...createRunSlice(...a),
  ...createCompareSlice(...a),
  ...createUiSlice(...a),
}));
