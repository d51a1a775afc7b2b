import { Inject, Injectable } from '@nestjs/common';
import {
  loadProtos,
  unary,
  type GetNotificationTransportRequest__Output,
  type GrpcHost,
  type ListGroupMembersRequest__Output,
  type ListGroupMembersResponse,
  type ListNotificationRulesResponse,
  type NotificationTransport,
} from '@authmesh/rpc';
import { NotFoundError } from '@authmesh/runtime';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import type { NotificationTransportEntity } from './notification-transport.entity.js';
import { NotificationTransportRepository } from './notification-transport.repository.js';
import { NotificationRuleRepository } from './notification-rule.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Core's NotificationConfigService: the rules, transports and recipients the events runtime delivers with. */
@Injectable()
export class NotificationConfigRpc {
  constructor(
    private readonly rules: NotificationRuleRepository,
    private readonly transports: NotificationTransportRepository,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  register(host: GrpcHost): void {
    const logger = this.options.logger;
    host.add(loadProtos().notificationConfig.authmesh.core.v1.NotificationConfigService.service, {
      ListNotificationRules: unary(logger, () => this.listRules()),
      GetNotificationTransport: unary(logger, (req: GetNotificationTransportRequest__Output) => this.getTransport(req.pk)),
      ListGroupMembers: unary(logger, (req: ListGroupMembersRequest__Output) => this.listGroupMembers(req.group_pk)),
    });
  }

  /** Every rule with a group, each with its transports and their mapping expressions. */
  async listRules(): Promise<ListNotificationRulesResponse> {
    const rules = await this.rules.withGroup();
    const transportIds = await this.rules.transportIds(rules.map((r) => r.id));
    const transports = new Map(
      (await this.transportMessages(await this.transports.findByIds([...new Set([...transportIds.values()].flat())]))).map((t) => [
        t.pk,
        t,
      ]),
    );
    return {
      rules: rules.map((rule) => ({
        pk: rule.id,
        name: rule.name,
        severity: rule.severity,
        group_pk: rule.groupId ?? '',
        policy_engine_mode: rule.policyEngineMode,
        transports: (transportIds.get(rule.id) ?? []).flatMap((id) => transports.get(id) ?? []),
      })),
    };
  }

  async getTransport(pk: string): Promise<NotificationTransport> {
    const row = UUID.test(pk) ? await this.transports.findById(pk) : null;
    if (!row) throw new NotFoundError('notification transport not found');
    return (await this.transportMessages([row]))[0];
  }

  async listGroupMembers(groupPk: string): Promise<ListGroupMembersResponse> {
    if (!UUID.test(groupPk) || !(await this.rules.groupExists(groupPk))) throw new NotFoundError('group not found');
    const members = await this.rules.activeMembers(groupPk);
    return { members: members.map((m) => ({ pk: String(m.pk), username: m.username, name: m.name, email: m.email })) };
  }

  private async transportMessages(rows: NotificationTransportEntity[]): Promise<Array<NotificationTransport & { pk: string }>> {
    const mappings = await this.transports.mappings(rows.flatMap((t) => (t.webhookMappingId ? [t.webhookMappingId] : [])));
    return rows.map((t) => {
      const mapping = t.webhookMappingId ? mappings.get(t.webhookMappingId) : undefined;
      return {
        pk: t.id,
        name: t.name,
        mode: t.mode,
        webhook_url: t.mode === 'webhook' || t.mode === 'webhook_slack' ? t.webhookUrl : '',
        webhook_mapping_expression: mapping?.expression ?? '',
        webhook_mapping_name: mapping?.name ?? '',
        send_once: t.sendOnce,
      };
    });
  }
}
