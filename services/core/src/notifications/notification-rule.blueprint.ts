import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { notificationRulePatchSchema, notificationRuleWriteSchema } from './notification-rule.dto.js';
import { NotificationRuleRepository } from './notification-rule.repository.js';
import { NotificationRuleService } from './notification-rule.service.js';

/** Notification rules in blueprints; `transports` is a list of transport keys (`!KeyOf`). */
@Injectable()
export class NotificationRuleBlueprint {
  constructor(
    private readonly rules: NotificationRuleService,
    private readonly rows: NotificationRuleRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_events.notificationrule',
      aliases: ['authentik_events.notificationrule'],
      fields: { pk: 'id', name: 'name', severity: 'severity' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (row) => ({ pk: row.id, key: row.id }),
      create: async (data) => {
        const rule = await this.rules.create(actor, parseOrThrow(notificationRuleWriteSchema, data));
        return { pk: rule.pk, key: rule.pk };
      },
      update: (existing, data) => this.rules.update(actor, String(existing.key), parseOrThrow(notificationRulePatchSchema, data)),
      delete: (existing) => this.rules.delete(actor, String(existing.key)),
      schema: openApiSchema(notificationRuleWriteSchema),
      export: async () =>
        (await everyPage((page) => this.rules.list({}, page))).map(({ pk, name, group_obj: _group, ...attrs }) => ({
          id: `notificationrule-${pk}`,
          identifiers: { name },
          attrs,
        })),
    });
  }
}
