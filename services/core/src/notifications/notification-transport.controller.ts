import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  listQuerySchema,
  openApiSchema,
  paginatedSchema,
  RequireSuperuser,
  UuidPipe,
  ZodBody,
  ZodQuery,
  type ListQuery,
} from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';
import {
  notificationTransportListQuerySchema,
  notificationTransportPatchSchema,
  notificationTransportReadSchema,
  notificationTransportTestSchema,
  notificationTransportWriteSchema,
  type NotificationTransportFilters,
  type NotificationTransportPatch,
  type NotificationTransportWrite,
} from './notification-transport.dto.js';
import { NotificationTransportEntity } from './notification-transport.entity.js';
import { NotificationTransportService } from './notification-transport.service.js';

const transportDoc = openApiSchema(notificationTransportReadSchema, 'output');
const testDoc = openApiSchema(notificationTransportTestSchema, 'output');

/** Notification transports, at the reference product's path (core owns them; the gateway routes here). */
@ApiTags('events')
@Controller('api/v3/events/transports')
@RequireSuperuser()
export class NotificationTransportController {
  constructor(
    private readonly transports: NotificationTransportService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(transportDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(notificationTransportListQuerySchema) filters: NotificationTransportFilters) {
    return this.transports.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: transportDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(notificationTransportWriteSchema) body: NotificationTransportWrite) {
    return this.transports.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: transportDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.transports.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(NotificationTransportEntity, actor.principal, this.transports.get(id));
  }

  /** Sends a test notification to the caller through this transport. */
  @Post(':id/test')
  @HttpCode(200)
  @ApiOkResponse({ schema: testDoc })
  @ApiResponse({ status: 503, description: 'The delivery failed; messages holds the reason.', schema: testDoc })
  async test(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.transports.test(actor, id);
    res.status(outcome.status);
    return outcome.body;
  }

  @Put(':id')
  @ApiOkResponse({ schema: transportDoc })
  replace(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @ZodBody(notificationTransportWriteSchema) body: NotificationTransportWrite,
  ) {
    return this.transports.update(actor, id, body);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: transportDoc })
  patch(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @ZodBody(notificationTransportPatchSchema) body: NotificationTransportPatch,
  ) {
    return this.transports.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.transports.delete(actor, id);
  }
}
