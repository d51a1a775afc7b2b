import type { NotificationConfigClient, NotificationRule__Output } from '@authmesh/rpc';

/** Configuration kinds whose change drops the cached rules. */
export const NOTIFICATION_CONFIG_KINDS: ReadonlySet<string> = new Set([
  'authentik_events.notificationrule',
  'authentik_events.notificationtransport',
  'authentik_events.notificationwebhookmapping',
]);

/** Change notices are not durable, so the rules are fetched again after this long anyway. */
export const RULES_TTL_MS = 60_000;
/** After core failed to answer, events are not matched (and core not asked) for this long. */
export const RETRY_AFTER_FAILURE_MS = 5_000;

/**
 * Core's notification rules (with their transports), fetched once and reused until a change
 * notice drops them or they are a minute old.
 */
export class NotificationRuleCache {
  private cached?: { rules: NotificationRule__Output[]; at: number };
  private failed?: { error: unknown; at: number };
  private loading?: Promise<NotificationRule__Output[]>;
  /** Bumped by clear(), so a fetch that started before a change is not kept. */
  private generation = 0;

  constructor(
    private readonly config: Pick<NotificationConfigClient, 'listNotificationRules'>,
    private readonly ttlMs = RULES_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async rules(): Promise<NotificationRule__Output[]> {
    if (this.cached && this.now() - this.cached.at < this.ttlMs) return this.cached.rules;
    // While core is down, each event would otherwise wait for its own failing call.
    if (this.failed && this.now() - this.failed.at < RETRY_AFTER_FAILURE_MS) throw this.failed.error;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  clear(): void {
    this.generation++;
    this.cached = undefined;
    this.failed = undefined;
    this.loading = undefined;
  }

  private async load(): Promise<NotificationRule__Output[]> {
    const generation = this.generation;
    const at = this.now();
    try {
      const rules = await this.config.listNotificationRules();
      if (generation === this.generation) this.cached = { rules, at };
      this.failed = undefined;
      return rules;
    } catch (error) {
      if (generation === this.generation) this.failed = { error, at: this.now() };
      throw error;
    }
  }
}
