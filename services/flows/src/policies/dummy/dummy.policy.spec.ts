import { policyRequest } from '../../../test/stage-context.js';
import { dummyPolicy } from './dummy.policy.js';

const signal = () => new AbortController().signal;

describe('dummyPolicy', () => {
  it('answers the configured result without waiting by default', async () => {
    expect(await dummyPolicy.evaluate({ result: true }, policyRequest(), signal())).toEqual({ passing: true, messages: [] });
    expect(await dummyPolicy.evaluate({ result: false }, policyRequest(), signal())).toEqual({ passing: false, messages: [] });
  });

  it('fails when no result is configured', async () => {
    expect((await dummyPolicy.evaluate({}, policyRequest(), signal())).passing).toBe(false);
  });

  it('stops waiting, without answering, when its evaluation is aborted', async () => {
    const controller = new AbortController();
    const pending = dummyPolicy.evaluate({ result: true, wait_min: 3600, wait_max: 3600 }, policyRequest(), controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('does not start waiting when it is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(dummyPolicy.evaluate({ result: true, wait_min: 1, wait_max: 2 }, policyRequest(), controller.signal)).rejects.toThrow();
  });

  it('treats a maximum below the minimum as the minimum (still waits, so it can be aborted)', async () => {
    const controller = new AbortController();
    const pending = dummyPolicy.evaluate({ result: true, wait_min: 3600, wait_max: 0 }, policyRequest(), controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});
