import { Injectable } from '@nestjs/common';
import { EventPublisher } from '../audit/event-publisher.js';
import { NotificationRuleRepository } from './notification-rule.repository.js';
import { NotificationTransportRepository } from './notification-transport.repository.js';

/**
 * The events runtime caches rules with their transports and mapping expressions, and drops
 * them only on notices for rules and transports. When a group or a webhook mapping they use
 * changes, the rules and transports are announced as changed too.
 */
@Injectable()
export class NotificationDependents {
  constructor(
    private readonly rules: NotificationRuleRepository,
    private readonly transports: NotificationTransportRepository,
    private readonly events: EventPublisher,
  ) {}

  /** The rules notifying a group (read before the group is deleted, which disables them). */
  rulesNotifying(groupId: string): Promise<string[]> {
    return this.rules.idsNotifying(groupId);
  }

  /** The transports whose bodies a webhook mapping builds. */
  transportsUsing(mappingId: string): Promise<string[]> {
    return this.transports.idsUsingMapping(mappingId);
  }

  async announceRules(ids: string[]): Promise<void> {
    for (const pk of ids) await this.events.announceChange({ app: 'authentik_events', model_name: 'notificationrule', pk }, 'updated');
  }

  async announceTransports(ids: string[]): Promise<void> {
    for (const pk of ids) {
      await this.events.announceChange({ app: 'authentik_events', model_name: 'notificationtransport', pk }, 'updated');
    }
  }
}
