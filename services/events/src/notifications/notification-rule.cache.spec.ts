import type { NotificationRule__Output } from '@authmesh/rpc';
import { NotificationRuleCache } from './notification-rule.cache.js';

function rule(name: string): NotificationRule__Output {
  return { pk: name, name, severity: 'notice', group_pk: 'g', policy_engine_mode: 'any', transports: [] };
}

describe('notification rule cache', () => {
  function setup() {
    let now = 0;
    let calls = 0;
    let current = [rule('a')];
    const cache = new NotificationRuleCache(
      {
        listNotificationRules: async () => {
          calls++;
          return current;
        },
      },
      60_000,
      () => now,
    );
    return {
      cache,
      calls: () => calls,
      advance: (ms: number) => (now += ms),
      replace: (rules: NotificationRule__Output[]) => (current = rules),
    };
  }

  it('asks core once while the rules are fresh, and again after a minute', async () => {
    const t = setup();
    await t.cache.rules();
    await t.cache.rules();
    expect(t.calls()).toBe(1);
    t.advance(60_001);
    t.replace([rule('b')]);
    expect((await t.cache.rules()).map((r) => r.name)).toEqual(['b']);
    expect(t.calls()).toBe(2);
  });

  it('asks again after a change notice', async () => {
    const t = setup();
    await t.cache.rules();
    t.replace([rule('c')]);
    t.cache.clear();
    expect((await t.cache.rules()).map((r) => r.name)).toEqual(['c']);
  });

  it('shares one request between concurrent readers', async () => {
    const t = setup();
    await Promise.all([t.cache.rules(), t.cache.rules(), t.cache.rules()]);
    expect(t.calls()).toBe(1);
  });

  it('asks again a few seconds after a failure, not for every event in between', async () => {
    let fail = true;
    let calls = 0;
    let now = 0;
    const cache = new NotificationRuleCache(
      {
        listNotificationRules: async () => {
          calls++;
          if (fail) throw new Error('core down');
          return [rule('d')];
        },
      },
      60_000,
      () => now,
    );
    await expect(cache.rules()).rejects.toThrow('core down');
    fail = false;
    now += 1000;
    await expect(cache.rules()).rejects.toThrow('core down');
    expect(calls).toBe(1);
    now += 5000;
    expect(await cache.rules()).toHaveLength(1);
    expect(calls).toBe(2);
  });
});
