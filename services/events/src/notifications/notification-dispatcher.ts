import type { Counter } from 'prom-client';
import type { Logger } from '@authmesh/logger';
import type {
  FlowClient,
  NotificationConfigClient,
  NotificationRule__Output,
  NotificationTransport__Output,
  Recipient__Output,
} from '@authmesh/rpc';
import type { EventRead } from '../events/event.dto.js';
import { notificationBody } from './notification-body.js';
import { SEVERITIES, type Severity } from './notification.dto.js';
import type { NotificationRuleCache } from './notification-rule.cache.js';
import { DeliveryError, type OutgoingNotification, type TransportRuntime } from './transports/notification-transport.js';

/**
 * The context key that marks events recorded by notification processing itself (failed
 * deliveries). Such events never go through the rules again, so a failing transport cannot
 * feed itself.
 */
export const NOTIFICATION_MARKER = 'notification_delivery';

/** Events waiting for rule matching; beyond this, new events are not matched (and a warning is logged). */
const MAX_QUEUE = 10_000;
/** At most one warning this often while the rules cannot be read. */
const RULES_WARNING_INTERVAL_MS = 5_000;
/** Events matched at the same time, so one slow webhook does not hold up every other notification. */
const WORKERS = 4;
/** Deliveries of one rule match in flight at once (transports × recipients), so a dead webhook costs one timeout, not one per recipient. */
const DELIVERIES_IN_FLIGHT = 8;
/** At most one warning this often while the queue is full (with the number of events dropped meanwhile). */
const QUEUE_WARNING_INTERVAL_MS = 10_000;
/** The app that records delivery failures; only its events carry a trusted marker. */
const DISPATCHER_APP = 'authmesh.events';

/** A rule without transports shows its notifications in the web interface only. */
const LOCAL_ONLY: NotificationTransport__Output = {
  pk: '',
  name: 'local',
  mode: 'local',
  webhook_url: '',
  webhook_mapping_expression: '',
  webhook_mapping_name: '',
  send_once: false,
};

/** An event about notification processing, recorded in the event log. */
export interface DeliveryFailureEvent {
  action: 'system_exception' | 'property_mapping_exception';
  message: string;
  rule: NotificationRule__Output;
  transport: NotificationTransport__Output;
  recipient: Recipient__Output;
  event: EventRead;
}

export interface NotificationDispatcherDeps {
  rules: NotificationRuleCache;
  config: Pick<NotificationConfigClient, 'listGroupMembers'>;
  flows: Pick<FlowClient, 'evaluateBindings'>;
  transports: Map<string, TransportRuntime>;
  /** Deliveries by transport mode and result (`success`, `failure`). */
  deliveries: Counter<'mode' | 'result'>;
  /** Records a failed delivery in the event log (marked, see NOTIFICATION_MARKER). */
  recordFailure(failure: DeliveryFailureEvent): Promise<void>;
  logger: Logger;
}

/**
 * Matches newly recorded events against the notification rules and delivers the notifications,
 * in the background: recording an event never waits for (or fails with) rules, policies or
 * transports. Matching is not durable; events queued when the process stops are not matched.
 */
export class NotificationDispatcher {
  private readonly queue: EventRead[] = [];
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private rulesWarnedAt = 0;
  private queueWarnedAt = 0;
  private dropped = 0;

  constructor(private readonly deps: NotificationDispatcherDeps) {}

  /** Queues a newly stored event for rule matching; returns at once and never throws. */
  eventRecorded(event: EventRead): void {
    // Only this service's own failure events skip the rules; another app cannot opt out with the marker.
    if (event.app === DISPATCHER_APP && NOTIFICATION_MARKER in event.context) return;
    if (this.queue.length >= MAX_QUEUE) {
      this.dropped++;
      if (Date.now() - this.queueWarnedAt >= QUEUE_WARNING_INTERVAL_MS) {
        this.queueWarnedAt = Date.now();
        this.deps.logger.warn(
          { dropped: this.dropped, action: event.action },
          'notification queue full; events are not matched against rules (dropped so far)',
        );
      }
      return;
    }
    this.queue.push(event);
    this.pump();
  }

  /** Resolves when every queued event has been processed (for shutdown and tests). */
  idle(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Sends one notification through one transport to one user, as a rule match would; rejects with DeliveryError. */
  deliver(transport: NotificationTransport__Output, notification: OutgoingNotification, recipient: Recipient__Output): Promise<string[]> {
    const runtime = this.deps.transports.get(transport.mode);
    const mode = runtime ? transport.mode : 'unknown';
    const attempt = runtime
      ? runtime.deliver({ transport, notification, recipient })
      : Promise.reject(new DeliveryError(`unknown transport mode "${transport.mode}"`));
    return attempt.then(
      (messages) => {
        this.deps.deliveries.inc({ mode, result: 'success' });
        return messages;
      },
      (error: unknown) => {
        this.deps.deliveries.inc({ mode, result: 'failure' });
        throw error instanceof DeliveryError ? error : new DeliveryError(`delivery failed: ${(error as Error).message}`);
      },
    );
  }

  private pump(): void {
    while (this.active < WORKERS && this.queue.length > 0) {
      const event = this.queue.shift() as EventRead;
      this.active++;
      this.process(event)
        .catch((error: unknown) => this.deps.logger.error({ err: error, event: event.pk }, 'notification rules failed for an event'))
        .finally(() => {
          this.active--;
          this.pump();
          if (this.active === 0 && this.queue.length === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            waiters.forEach((resolve) => resolve());
          }
        });
    }
  }

  private async process(event: EventRead): Promise<void> {
    let rules: NotificationRule__Output[];
    try {
      rules = await this.deps.rules.rules();
    } catch (error) {
      // Once per failure window, not once per event.
      if (Date.now() - this.rulesWarnedAt >= RULES_WARNING_INTERVAL_MS) {
        this.rulesWarnedAt = Date.now();
        this.deps.logger.warn({ err: (error as Error).message }, 'notification rules not read; events are not matched meanwhile');
      }
      return;
    }
    await Promise.all(rules.map((rule) => this.applyRule(rule, event)));
  }

  private async applyRule(rule: NotificationRule__Output, event: EventRead): Promise<void> {
    if (!rule.group_pk || !(await this.matches(rule, event))) return;
    let recipients: Recipient__Output[];
    try {
      recipients = await this.deps.config.listGroupMembers(rule.group_pk);
    } catch (error) {
      this.deps.logger.warn({ rule: rule.pk, err: (error as Error).message }, 'notification rule matched but its group could not be read');
      return;
    }
    const notification: OutgoingNotification = {
      severity: severityOf(rule.severity),
      body: notificationBody(event),
      created: new Date().toISOString(),
      event,
    };
    const transports = rule.transports.length > 0 ? rule.transports : [LOCAL_ONLY];
    const jobs = transports.flatMap((transport) =>
      (transport.send_once ? recipients.slice(0, 1) : recipients).map(
        (recipient) => () =>
          this.deliver(transport, notification, recipient).then(
            () => undefined,
            (error: DeliveryError) =>
              this.reportFailure({ action: error.action, message: error.message, rule, transport, recipient, event }),
          ),
      ),
    );
    await inParallel(jobs, DELIVERIES_IN_FLIGHT);
  }

  /** Whether the rule's policies pass for the event; any failure to decide means no match (fail closed). */
  private async matches(rule: NotificationRule__Output, event: EventRead): Promise<boolean> {
    try {
      const pk = event.user.pk;
      const answer = await this.deps.flows.evaluateBindings({
        target_pk: rule.pk,
        policy_engine_mode: rule.policy_engine_mode === 'all' ? 'all' : 'any',
        user_pk: typeof pk === 'number' || typeof pk === 'string' ? String(pk) : '',
        client_ip: event.client_ip ?? '',
        context_json: JSON.stringify({ event }),
        pass_without_bindings: false,
      });
      return answer.passing;
    } catch (error) {
      this.deps.logger.warn({ rule: rule.pk, event: event.pk, err: (error as Error).message }, 'notification rule not evaluated');
      return false;
    }
  }

  private async reportFailure(failure: DeliveryFailureEvent): Promise<void> {
    this.deps.logger.warn(
      { rule: failure.rule.pk, transport: failure.transport.pk, mode: failure.transport.mode, err: failure.message },
      'notification not delivered',
    );
    await this.deps
      .recordFailure(failure)
      .catch((error: unknown) => this.deps.logger.warn({ err: (error as Error).message }, 'failed notification delivery not recorded'));
  }
}

function severityOf(value: string): Severity {
  return (SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : 'notice';
}

/** Runs the jobs with at most `limit` of them in flight; resolves when all are done (they never reject). */
async function inParallel(jobs: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, lane));
}
