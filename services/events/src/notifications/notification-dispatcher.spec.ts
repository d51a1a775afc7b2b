import { Writable } from 'node:stream';
import { Counter, Registry } from 'prom-client';
import { createLogger } from '@authmesh/logger';
import type { EvaluateBindingsRequest, NotificationRule__Output, NotificationTransport__Output } from '@authmesh/rpc';
import type { EventRead } from '../events/event.dto.js';
import { NOTIFICATION_MARKER, NotificationDispatcher, type DeliveryFailureEvent } from './notification-dispatcher.js';
import { NotificationRuleCache } from './notification-rule.cache.js';
import { DeliveryError, type Delivery, type TransportRuntime } from './transports/notification-transport.js';

const logger = createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, done) => done() }) });
const members = [
  { pk: '1', username: 'ann', name: 'Ann', email: 'ann@example.com' },
  { pk: '2', username: 'ben', name: 'Ben', email: '' },
];

function transport(mode: string, fields: Partial<NotificationTransport__Output> = {}): NotificationTransport__Output {
  return {
    pk: `t-${mode}`,
    name: mode,
    mode,
    webhook_url: '',
    webhook_mapping_expression: '',
    webhook_mapping_name: '',
    send_once: false,
    ...fields,
  };
}

function rule(fields: Partial<NotificationRule__Output> = {}): NotificationRule__Output {
  return { pk: 'r1', name: 'rule', severity: 'warning', group_pk: 'g1', policy_engine_mode: 'any', transports: [], ...fields };
}

function event(fields: Partial<EventRead> = {}): EventRead {
  return {
    pk: '33333333-3333-4333-8333-333333333333',
    action: 'login_failed',
    app: 'authmesh.flows',
    user: { pk: 9, username: 'mallory' },
    context: {},
    client_ip: '192.0.2.1',
    brand: {},
    created: '2026-11-29T10:00:00.000Z',
    expires: '2027-11-29T10:00:00.000Z',
    ...fields,
  };
}

function setup(
  rules: NotificationRule__Output[],
  evaluate: (request: EvaluateBindingsRequest) => Promise<boolean> = async () => true,
  extraTransports: Array<[string, TransportRuntime]> = [],
) {
  const delivered: Array<{ mode: string; to: string; body: string; severity: string }> = [];
  const failures: DeliveryFailureEvent[] = [];
  const asked: EvaluateBindingsRequest[] = [];
  const runtime = (mode: string, fail?: DeliveryError): TransportRuntime => ({
    mode,
    deliver: async ({ recipient, notification }: Delivery) => {
      if (fail) throw fail;
      delivered.push({ mode, to: recipient.username, body: notification.body, severity: notification.severity });
      return ['ok'];
    },
  });
  const deliveries = new Counter({ name: 'deliveries', help: 'x', labelNames: ['mode', 'result'], registers: [new Registry()] });
  const dispatcher = new NotificationDispatcher({
    rules: new NotificationRuleCache({ listNotificationRules: async () => rules }),
    config: { listGroupMembers: async () => members },
    flows: {
      evaluateBindings: async (request: EvaluateBindingsRequest) => {
        asked.push(request);
        return { passing: await evaluate(request), messages: [] };
      },
    },
    transports: new Map([
      ['local', runtime('local')],
      ['webhook', runtime('webhook')],
      ['email', runtime('email', new DeliveryError('smtp down'))],
      ...extraTransports,
    ]),
    deliveries,
    recordFailure: async (failure) => void failures.push(failure),
    logger,
  });
  return { dispatcher, delivered, failures, asked, deliveries };
}

describe('notification dispatcher', () => {
  it("asks flows about each rule with the event as context, the event's user, no-bindings-no-match", async () => {
    const t = setup([rule({ policy_engine_mode: 'all' })]);
    t.dispatcher.eventRecorded(event());
    await t.dispatcher.idle();
    expect(t.asked).toHaveLength(1);
    expect(t.asked[0]).toMatchObject({
      target_pk: 'r1',
      policy_engine_mode: 'all',
      user_pk: '9',
      client_ip: '192.0.2.1',
      pass_without_bindings: false,
    });
    expect(JSON.parse(String(t.asked[0].context_json))).toEqual({ event: event() });
  });

  it('delivers locally to every group member when the rule has no transports', async () => {
    const t = setup([rule()]);
    t.dispatcher.eventRecorded(event());
    await t.dispatcher.idle();
    expect(t.delivered).toEqual([
      { mode: 'local', to: 'ann', body: 'Login failed (user mallory)', severity: 'warning' },
      { mode: 'local', to: 'ben', body: 'Login failed (user mallory)', severity: 'warning' },
    ]);
  });

  it('sends once per match (first member) through a send-once transport', async () => {
    const t = setup([rule({ transports: [transport('webhook', { send_once: true }), transport('local')] })]);
    t.dispatcher.eventRecorded(event());
    await t.dispatcher.idle();
    expect(t.delivered.map((d) => `${d.mode}:${d.to}`)).toEqual(['webhook:ann', 'local:ann', 'local:ben']);
  });

  it('delivers to every recipient at once, so a hanging webhook costs one wait, not one per recipient', async () => {
    const started: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const hanging: TransportRuntime = {
      mode: 'webhook_slack',
      deliver: async ({ recipient }: Delivery) => {
        started.push(recipient.username);
        await gate;
        return [];
      },
    };
    const t = setup([rule({ transports: [transport('webhook_slack')] })], async () => true, [['webhook_slack', hanging]]);
    t.dispatcher.eventRecorded(event());
    for (let i = 0; i < 50 && started.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual(['ann', 'ben']);
    release();
    await t.dispatcher.idle();
  });

  it('delivers nothing when the policies do not pass or cannot be evaluated (fail closed)', async () => {
    const denied = setup([rule()], async () => false);
    denied.dispatcher.eventRecorded(event());
    await denied.dispatcher.idle();
    const broken = setup([rule()], async () => {
      throw new Error('flows unavailable');
    });
    broken.dispatcher.eventRecorded(event());
    await broken.dispatcher.idle();
    expect([...denied.delivered, ...broken.delivered]).toEqual([]);
  });

  it('records a failed delivery and counts it, and never matches its own failure events', async () => {
    const t = setup([rule({ transports: [transport('email'), transport('unknown_mode')] })]);
    t.dispatcher.eventRecorded(event());
    await t.dispatcher.idle();
    expect(t.failures.map((f) => `${f.transport.mode}:${f.recipient.username}:${f.message}`)).toEqual([
      'email:ann:smtp down',
      'email:ben:smtp down',
      'unknown_mode:ann:unknown transport mode "unknown_mode"',
      'unknown_mode:ben:unknown transport mode "unknown_mode"',
    ]);
    expect((await t.deliveries.get()).values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { mode: 'email', result: 'failure' }, value: 2 }),
        expect.objectContaining({ labels: { mode: 'unknown', result: 'failure' }, value: 2 }),
      ]),
    );
    t.asked.length = 0;
    t.dispatcher.eventRecorded(
      event({ action: 'system_exception', app: 'authmesh.events', context: { [NOTIFICATION_MARKER]: { rule: 'r1' } } }),
    );
    await t.dispatcher.idle();
    expect(t.asked).toEqual([]);
    // Another app's event carrying the marker is matched like any other: it cannot opt out of the rules.
    t.dispatcher.eventRecorded(event({ action: 'login_failed', context: { [NOTIFICATION_MARKER]: { rule: 'r1' } } }));
    await t.dispatcher.idle();
    expect(t.asked).not.toEqual([]);
  });

  it('skips rules without a group', async () => {
    const t = setup([rule({ group_pk: '' })]);
    t.dispatcher.eventRecorded(event());
    await t.dispatcher.idle();
    expect(t.asked).toEqual([]);
  });
});
