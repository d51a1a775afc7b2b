import { waitUntil } from '@authmesh/testing';
import type { Bus, BusMessage } from './bus.js';
import type { RedeliveryPolicy } from './redelivery.policy.js';

/** One bus prepared for one contract test. */
export interface BusUnderTest {
  bus: Bus;
  /** Durable subjects under this prefix (ending in a dot) are stored, and only for this test. */
  durablePrefix: string;
  /** Another handle on the same stored messages, as a restarted process would open (may be `bus` itself). */
  reopen(): Promise<Bus>;
  /** Closes everything the factory opened and removes what it stored. */
  cleanup(): Promise<void>;
}

/** What the factory must configure: fast redelivery, so retries and drops are quick to observe. */
export interface BusContractSettings {
  redelivery: RedeliveryPolicy;
}

const settings: BusContractSettings = { redelivery: { maxAttempts: 3, delayMs: () => 100 } };

/** Lets a message that should not come have the time it would need to show up (a few redelivery delays). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 4 * settings.redelivery.delayMs(1)));

/** The behaviour every Bus implementation must have; run once per implementation. */
export function describeBusContract(name: string, factory: (settings: BusContractSettings) => Promise<BusUnderTest>): void {
  describe(`Bus contract: ${name}`, () => {
    let t: BusUnderTest;
    let bus: Bus;
    /** Broadcast subjects unique to this test, so parallel runs never see each other. */
    let b: string;
    /** Durable subject prefix and consumer names unique to this test. */
    let d: string;
    let id: string;

    beforeEach(async () => {
      t = await factory(settings);
      bus = t.bus;
      id = Math.random().toString(36).slice(2, 10);
      b = `test.${id}.broadcast.`;
      d = t.durablePrefix;
    });
    afterEach(() => t.cleanup());

    it('delivers broadcasts to the subscribers whose wildcard pattern matches', async () => {
      const star: string[] = [];
      const rest: string[] = [];
      await bus.subscribe(`${b}*.changed`, (m) => void star.push(m.subject));
      await bus.subscribe(`${b}>`, (m) => void rest.push(m.subject));
      await bus.publish(`${b}users.changed`, 1);
      await bus.publish(`${b}users.deep.changed`, 2);
      await bus.publish(`${b}users.created`, 3);
      await waitUntil(() => rest.length === 3 && star.length >= 1);
      expect(star).toEqual([`${b}users.changed`]);
      expect(rest).toEqual([`${b}users.changed`, `${b}users.deep.changed`, `${b}users.created`]);
    });

    it('stops delivering broadcasts after unsubscribe', async () => {
      const got: unknown[] = [];
      const barrier: unknown[] = [];
      const sub = await bus.subscribe(`${b}stop`, (m) => void got.push(m.data));
      await bus.subscribe(`${b}barrier`, (m) => void barrier.push(m.data));
      await bus.publish(`${b}stop`, 1);
      await waitUntil(() => got.length === 1);
      await sub.unsubscribe();
      await bus.publish(`${b}stop`, 2);
      await bus.publish(`${b}barrier`, 'after');
      await waitUntil(() => barrier.length === 1);
      expect(got).toEqual([1]);
    });

    it('hands messages to handlers only after publish has returned', async () => {
      let publishing = false;
      const calls: boolean[] = [];
      await bus.subscribe(`${b}async`, () => void calls.push(publishing));
      await bus.consumeDurable(`async-${id}`, `${d}async`, () => void calls.push(publishing));
      publishing = true;
      const broadcast = bus.publish(`${b}async`, 1);
      const durable = bus.publishDurable(`${d}async`, 2);
      publishing = false;
      await Promise.all([broadcast, durable]);
      await waitUntil(() => calls.length === 2);
      expect(calls).toEqual([false, false]);
    });

    it('round-trips JSON payloads on broadcasts and durable messages', async () => {
      const payload = { s: 'ü ✓', n: 1.5, i: -3, b: true, z: null, a: [1, { x: 'y' }], o: {} };
      const broadcasts: unknown[] = [];
      const durables: unknown[] = [];
      await bus.subscribe(`${b}json`, (m) => void broadcasts.push(m.data));
      await bus.consumeDurable(`json-${id}`, `${d}json`, (m) => void durables.push(m.data));
      await bus.publish(`${b}json`, payload);
      await bus.publish(`${b}json`, undefined);
      await bus.publishDurable(`${d}json`, payload);
      await waitUntil(() => broadcasts.length === 2 && durables.length === 1);
      expect(broadcasts).toEqual([payload, null]);
      expect(durables).toEqual([payload]);
      expect(broadcasts[0]).not.toBe(payload);
    });

    it('keeps durable messages published while no consumer runs, for the consumer that starts later', async () => {
      await bus.publishDurable(`${d}created`, { n: 1 });
      await bus.publishDurable(`${d}updated`, { n: 2 });
      const got: BusMessage[] = [];
      await bus.consumeDurable(`late-${id}`, `${d}>`, (m) => void got.push(m));
      await waitUntil(() => got.length === 2);
      expect(got.map((m) => [m.subject, m.data, m.attempt])).toEqual([
        [`${d}created`, { n: 1 }, 1],
        [`${d}updated`, { n: 2 }, 1],
      ]);
    });

    it('delivers durable messages in publication order, one at a time', async () => {
      const got: number[] = [];
      let running = 0;
      let overlapped = false;
      await bus.consumeDurable(`order-${id}`, `${d}order`, async (m) => {
        overlapped ||= running > 0;
        running++;
        await new Promise((resolve) => setImmediate(resolve));
        got.push(m.data as number);
        running--;
      });
      for (let n = 1; n <= 20; n++) await bus.publishDurable(`${d}order`, n);
      await waitUntil(() => got.length === 20);
      expect(got).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(overlapped).toBe(false);
    });

    it('resumes a restarted consumer after its last acknowledgement, losing and repeating nothing', async () => {
      const subject = `${d}resume`;
      const got: unknown[] = [];
      const first = await bus.consumeDurable(`resume-${id}`, subject, (m) => void got.push(m.data));
      await bus.publishDurable(subject, 1);
      await waitUntil(() => got.length === 1);
      await first.unsubscribe();
      await bus.publishDurable(subject, 2);
      await bus.publishDurable(subject, 3);
      expect(got).toEqual([1]);

      const restarted = await t.reopen();
      await restarted.consumeDurable(`resume-${id}`, subject, (m) => void got.push(m.data));
      await waitUntil(() => got.length === 3);
      await bus.publishDurable(subject, 'barrier');
      await waitUntil(() => got.includes('barrier'));
      expect(got).toEqual([1, 2, 3, 'barrier']);
    });

    it('lets a running handler finish on unsubscribe and keeps the unhandled messages for the next start', async () => {
      const subject = `${d}graceful`;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first: unknown[] = [];
      const sub = await bus.consumeDurable(`graceful-${id}`, subject, async (m) => {
        first.push(m.data);
        if (m.data === 1) await gate;
      });
      await bus.publishDurable(subject, 1);
      await bus.publishDurable(subject, 2);
      await waitUntil(() => first.length === 1);
      let stopped = false;
      const stopping = sub.unsubscribe().then(() => (stopped = true));
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(first).toEqual([1]);

      const second: unknown[] = [];
      const restarted = await t.reopen();
      await restarted.consumeDurable(`graceful-${id}`, subject, (m) => void second.push(m.data));
      await bus.publishDurable(subject, 3);
      await waitUntil(() => second.includes(3));
      expect(second).toEqual([2, 3]);
    });

    it('delivers a message again, with attempt 2, when its handler threw', async () => {
      const subject = `${d}retry`;
      const seen: BusMessage[] = [];
      await bus.consumeDurable(`retry-${id}`, subject, (m) => {
        seen.push(m);
        if (m.attempt === 1) throw new Error('transient failure');
      });
      await bus.publishDurable(subject, { x: 1 });
      await waitUntil(() => seen.length === 2);
      expect(seen.map((m) => [m.subject, m.data, m.attempt])).toEqual([
        [subject, { x: 1 }, 1],
        [subject, { x: 1 }, 2],
      ]);
    });

    it('drops a message whose handler fails on every attempt, and goes on with the next ones', async () => {
      const subject = `${d}poison`;
      const poison: number[] = [];
      const good: unknown[] = [];
      await bus.consumeDurable(`poison-${id}`, subject, (m) => {
        if (m.data === 'poison') {
          poison.push(m.attempt);
          throw new Error('never works');
        }
        good.push(m.data);
      });
      await bus.publishDurable(subject, 'poison');
      await bus.publishDurable(subject, 'ok-1');
      await waitUntil(() => poison.length === settings.redelivery.maxAttempts && good.length === 1);
      await bus.publishDurable(subject, 'ok-2');
      await waitUntil(() => good.length === 2);
      await settle();
      expect(poison).toEqual([1, 2, 3]);
      expect(good).toEqual(['ok-1', 'ok-2']);
    });

    it('gives every durable consumer name every message', async () => {
      const subject = `${d}fan`;
      const a: unknown[] = [];
      const c: unknown[] = [];
      await bus.consumeDurable(`fan-a-${id}`, subject, (m) => void a.push(m.data));
      await bus.consumeDurable(`fan-b-${id}`, subject, (m) => void c.push(m.data));
      await bus.publishDurable(subject, 'one');
      await bus.publishDurable(subject, 'two');
      await waitUntil(() => a.length === 2 && c.length === 2);
      expect(a).toEqual(['one', 'two']);
      expect(c).toEqual(['one', 'two']);
    });

    it('stores a message published twice with the same id once', async () => {
      const subject = `${d}dedup`;
      await bus.publishDurable(subject, 'once', { id: `dedup-${id}` });
      await bus.publishDurable(subject, 'once again', { id: `dedup-${id}` });
      await bus.publishDurable(subject, 'other', { id: `other-${id}` });
      await bus.publishDurable(subject, 'no id');
      await bus.publishDurable(subject, 'no id');
      const got: unknown[] = [];
      await bus.consumeDurable(`dedup-${id}`, subject, (m) => void got.push(m.data));
      await waitUntil(() => got.length === 4);
      await bus.publishDurable(subject, 'barrier');
      await waitUntil(() => got.includes('barrier'));
      expect(got).toEqual(['once', 'other', 'no id', 'no id', 'barrier']);
    });

    it('refuses durable subjects and consumer filters outside the stored subjects', async () => {
      await expect(bus.publishDurable(`${b}not-stored`, 1)).rejects.toThrow();
      await expect(bus.consumeDurable(`outside-${id}`, `${b}>`, () => undefined)).rejects.toThrow(/not within/);
    });

    it('refuses to publish a subject with wildcards', async () => {
      await expect(bus.publish(`${b}*`, 1)).rejects.toThrow(/invalid subject/);
      await expect(bus.publishDurable(`${d}>`, 1)).rejects.toThrow(/invalid subject/);
    });

    it('reports unhealthy and refuses to publish once closed', async () => {
      expect(bus.isHealthy()).toBe(true);
      await bus.close();
      expect(bus.isHealthy()).toBe(false);
      await expect(bus.publish(`${b}closed`, 1)).rejects.toThrow(/closed/);
      await expect(bus.publishDurable(`${d}closed`, 1)).rejects.toThrow(/closed/);
    });
  });
}
