import { challenge, next, type StageRuntime } from '../stage-runtime.js';

/** Shows a button and continues when it is pressed; for testing flows. */
export const dummyStage: StageRuntime = {
  type: 'dummy',
  component: 'ak-stage-dummy',
  challenge: async () => challenge({ title: 'Continue' }),
  submit: async () => next(),
};
