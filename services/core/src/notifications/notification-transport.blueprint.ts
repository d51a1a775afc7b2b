import { Injectable } from '@nestjs/common';
import { openApiSchema, parseOrThrow } from '@authmesh/http';
import { everyPage, serviceModel, type CoreBlueprintModel } from '../blueprints/service-model.js';
import { BLUEPRINT_ACTOR as actor } from '../blueprints/system-actor.js';
import { notificationTransportPatchSchema, notificationTransportWriteSchema } from './notification-transport.dto.js';
import { NotificationTransportRepository } from './notification-transport.repository.js';
import { NotificationTransportService } from './notification-transport.service.js';

/** Notification transports in blueprints, under the reference product's model name. */
@Injectable()
export class NotificationTransportBlueprint {
  constructor(
    private readonly transports: NotificationTransportService,
    private readonly rows: NotificationTransportRepository,
  ) {}

  model(): CoreBlueprintModel {
    return serviceModel({
      name: 'authmesh_events.notificationtransport',
      aliases: ['authentik_events.notificationtransport'],
      fields: { pk: 'id', name: 'name', mode: 'mode' },
      findOne: (where) => this.rows.findOneBy(where),
      toObject: (row) => ({ pk: row.id, key: row.id }),
      create: async (data) => {
        const transport = await this.transports.create(actor, parseOrThrow(notificationTransportWriteSchema, data));
        return { pk: transport.pk, key: transport.pk };
      },
      update: (existing, data) => this.transports.update(actor, String(existing.key), parseOrThrow(notificationTransportPatchSchema, data)),
      delete: (existing) => this.transports.delete(actor, String(existing.key)),
      schema: openApiSchema(notificationTransportWriteSchema),
      export: async () =>
        (await everyPage((page) => this.transports.list({}, page))).map(({ pk, name, mode_verbose: _label, ...attrs }) => ({
          id: `notificationtransport-${pk}`,
          identifiers: { name },
          attrs,
        })),
    });
  }
}
