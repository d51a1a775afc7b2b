import type { Bus, BusMessage } from './bus.js';

export interface BusUnderTest {
  bus: Bus;
  /** A durable subject prefix unique to this run, ending in a dot. */
  durablePrefix: string;
  /** A second connection to the same bus (a restarted consumer process). */
  reconnect(): Promise<Bus>;
  cleanup(): Promise<void>;
}

async function eventually<T>(fn: () => T | undefined | false, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The behaviour every Bus implementation must have; run once per implementation. */
export function describeBusContract(name: string, factory: () => Promise<BusUnderTest>): void {
  describe(`Bus contract: ${name}`, () => {
    let t: BusUnderTest;
    const run = Math.random().toString(36).slice(2, 8);
    beforeEach(async () => {
      t = await factory();
    });
    afterEach(() => t.cleanup());

    it('delivers broadcasts to wildcard subscribers', async () => {
      const got: BusMessage[] = [];
      await t.bus.subscribe(`test.${run}.*.changed`, (m) => void got.push(m));
      await t.bus.subscribe(`test.${run}.>`, (m) => void got.push(m));
      await new Promise((r) => setTimeout(r, 50));
      await t.bus.publish(`test.${run}.users.changed`, { pk: 1 });
      await eventually(() => got.length === 2);
      expect(got.map((m) => m.data)).toEqual([{ pk: 1 }, { pk: 1 }]);
      expect(got[0].subject).toBe(`test.${run}.users.changed`);
    });

    it('stops delivering broadcasts after unsubscribe', async () => {
      const got: unknown[] = [];
      const sub = await t.bus.subscribe(`test.${run}.stop`, (m) => void got.push(m.data));
      await t.bus.publish(`test.${run}.stop`, 1);
      await eventually(() => got.length === 1);
      await sub.unsubscribe();
      await t.bus.publish(`test.${run}.stop`, 2);
      await new Promise((r) => setTimeout(r, 150));
      expect(got).toEqual([1]);
    });

    it('keeps durable messages published while no consumer runs', async () => {
      const subject = `${t.durablePrefix}created`;
      await t.bus.publishDurable(subject, { n: 1 });
      await t.bus.publishDurable(subject, { n: 2 });
      const got: unknown[] = [];
      await t.bus.consumeDurable(`late-${run}`, `${t.durablePrefix}>`, (m) => void got.push(m.data));
      await eventually(() => got.length === 2);
      expect(got).toEqual([{ n: 1 }, { n: 2 }]);
    });

    it('resumes a restarted consumer after its last acknowledgement, losing and repeating nothing', async () => {
      const subject = `${t.durablePrefix}created`;
      const got: unknown[] = [];
      const first = await t.bus.consumeDurable(`resume-${run}`, subject, (m) => void got.push(m.data));
      await t.bus.publishDurable(subject, 1);
      await eventually(() => got.length === 1);
      await first.unsubscribe();
      await t.bus.publishDurable(subject, 2);
      await t.bus.publishDurable(subject, 3);
      const other = await t.reconnect();
      await other.consumeDurable(`resume-${run}`, subject, (m) => void got.push(m.data));
      await eventually(() => got.length === 3);
      await new Promise((r) => setTimeout(r, 150));
      expect(got).toEqual([1, 2, 3]);
    });

    it('redelivers a message whose handler threw', async () => {
      const subject = `${t.durablePrefix}created`;
      const attempts: number[] = [];
      await t.bus.consumeDurable(`retry-${run}`, subject, (m) => {
        attempts.push(m.attempt);
        if (m.attempt === 1) throw new Error('transient');
      });
      await t.bus.publishDurable(subject, 'x');
      await eventually(() => attempts.length === 2, 10_000);
      expect(attempts).toEqual([1, 2]);
    });

    it('gives every durable consumer every message', async () => {
      const subject = `${t.durablePrefix}created`;
      const a: unknown[] = [];
      const b: unknown[] = [];
      await t.bus.consumeDurable(`fan-a-${run}`, subject, (m) => void a.push(m.data));
      await t.bus.consumeDurable(`fan-b-${run}`, subject, (m) => void b.push(m.data));
      await t.bus.publishDurable(subject, 'one');
      await eventually(() => a.length === 1 && b.length === 1);
    });

    it('stores a message published twice with the same id once', async () => {
      const subject = `${t.durablePrefix}created`;
      await t.bus.publishDurable(subject, 'once', { id: `dedup-${run}` });
      await t.bus.publishDurable(subject, 'once', { id: `dedup-${run}` });
      await t.bus.publishDurable(subject, 'after');
      const got: unknown[] = [];
      await t.bus.consumeDurable(`dedup-${run}`, subject, (m) => void got.push(m.data));
      await eventually(() => got.length === 2);
      await new Promise((r) => setTimeout(r, 150));
      expect(got).toEqual(['once', 'after']);
    });

    it('round-trips JSON payloads', async () => {
      const payload = { s: 'ü', n: 1.5, b: true, z: null, a: [1, { x: 'y' }] };
      const got: unknown[] = [];
      await t.bus.subscribe(`test.${run}.json`, (m) => void got.push(m.data));
      await t.bus.publish(`test.${run}.json`, payload);
      await eventually(() => got.length === 1);
      expect(got[0]).toEqual(payload);
    });

    it('reports unhealthy once closed', async () => {
      expect(t.bus.isHealthy()).toBe(true);
      await t.bus.close();
      expect(t.bus.isHealthy()).toBe(false);
    });
  });
}
