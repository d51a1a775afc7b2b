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
import {
  webhookMappingListQuerySchema,
  webhookMappingPatchSchema,
  webhookMappingReadSchema,
  webhookMappingWriteSchema,
  type WebhookMappingFilters,
  type WebhookMappingPatch,
  type WebhookMappingWrite,
} from './webhook-mapping.dto.js';
import { PropertyMappingService, usedBySchema } from '../providers/property-mapping.service.js';
import { WEBHOOK_MAPPING_TYPE } from './webhook-mapping.repository.js';
import { WebhookMappingService } from './webhook-mapping.service.js';

const mappingDoc = openApiSchema(webhookMappingReadSchema, 'output');

/** Webhook mappings (bodies for HTTP endpoints), at the reference product's path. */
@ApiTags('propertymappings')
@Controller('api/v3/propertymappings/notification')
@RequireSuperuser()
export class WebhookMappingController {
  constructor(
    private readonly mappings: WebhookMappingService,
    private readonly all: PropertyMappingService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(mappingDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(webhookMappingListQuerySchema) filters: WebhookMappingFilters) {
    return this.mappings.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: mappingDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(webhookMappingWriteSchema) body: WebhookMappingWrite) {
    return this.mappings.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: mappingDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.mappings.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: openApiSchema(usedBySchema, 'output') })
  usedBy(@Param('id', UuidPipe) id: string) {
    return this.all.usedBy(id, WEBHOOK_MAPPING_TYPE);
  }

  @Put(':id')
  @ApiOkResponse({ schema: mappingDoc })
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(webhookMappingWriteSchema) body: WebhookMappingWrite) {
    return this.mappings.update(actor, id, body);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: mappingDoc })
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(webhookMappingPatchSchema) body: WebhookMappingPatch) {
    return this.mappings.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.mappings.delete(actor, id);
  }
}
