import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  notificationRuleListQuerySchema,
  notificationRulePatchSchema,
  notificationRuleReadSchema,
  notificationRuleWriteSchema,
  type NotificationRuleFilters,
  type NotificationRulePatch,
  type NotificationRuleWrite,
} from './notification-rule.dto.js';
import { NotificationRuleEntity } from './notification-rule.entity.js';
import { NotificationRuleService } from './notification-rule.service.js';

const ruleDoc = openApiSchema(notificationRuleReadSchema, 'output');

/** Notification rules, at the reference product's path (core owns them; the gateway routes here). */
@ApiTags('events')
@Controller('api/v3/events/rules')
@RequireSuperuser()
export class NotificationRuleController {
  constructor(
    private readonly rules: NotificationRuleService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(ruleDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(notificationRuleListQuerySchema) filters: NotificationRuleFilters) {
    return this.rules.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: ruleDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(notificationRuleWriteSchema) body: NotificationRuleWrite) {
    return this.rules.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: ruleDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.rules.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(NotificationRuleEntity, actor.principal, this.rules.get(id));
  }

  @Put(':id')
  @ApiOkResponse({ schema: ruleDoc })
  replace(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @ZodBody(notificationRuleWriteSchema) body: NotificationRuleWrite,
  ) {
    return this.rules.update(actor, id, body);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: ruleDoc })
  patch(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @ZodBody(notificationRulePatchSchema) body: NotificationRulePatch,
  ) {
    return this.rules.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.rules.delete(actor, id);
  }
}
