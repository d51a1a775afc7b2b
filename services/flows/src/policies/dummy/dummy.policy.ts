import { setTimeout as sleep } from 'node:timers/promises';
import { result, type PolicyRuntime } from '../policy-runtime.js';

/** Waits a random time between wait_min and wait_max seconds, then answers the configured result. */
export const dummyPolicy: PolicyRuntime = {
  type: 'dummy',
  async evaluate(settings, _request, signal) {
    const min = Number(settings.wait_min ?? 0);
    const max = Math.max(min, Number(settings.wait_max ?? min));
    const seconds = min + Math.random() * (max - min);
    if (seconds > 0) await sleep(seconds * 1000, undefined, { signal });
    return result(Boolean(settings.result));
  },
};
