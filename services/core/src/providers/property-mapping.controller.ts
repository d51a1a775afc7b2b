import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
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
import type { z } from 'zod';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { usedByDoc } from '../common/used-by/used-by.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { PropertyMappingEntity } from './property-mapping.entity.js';
import {
  propertyMappingListQuerySchema,
  propertyMappingReadSchema,
  PropertyMappingService,
  propertyMappingTestResultSchema,
  propertyMappingTestSchema,
  type PropertyMappingTest,
} from './property-mapping.service.js';

const mappingDoc = openApiSchema(propertyMappingReadSchema, 'output');

/** Every property mapping, whatever its kind. Mappings are created and changed at their kind's endpoint. */
@ApiTags('propertymappings')
@Controller('api/v3/propertymappings/all')
@RequireSuperuser()
export class PropertyMappingController {
  constructor(
    private readonly mappings: PropertyMappingService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(mappingDoc) })
  list(
    @ZodQuery(listQuerySchema) query: ListQuery,
    @ZodQuery(propertyMappingListQuerySchema) filters: z.output<typeof propertyMappingListQuerySchema>,
  ) {
    return this.mappings.list(filters, query);
  }

  @Get(':id')
  @ApiOkResponse({ schema: mappingDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.mappings.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(PropertyMappingEntity, actor.principal, this.mappings.get(id));
  }

  /** Runs the expression for a chosen user; like every route here, only for superusers, who may change it. */
  @Post(':id/test')
  @HttpCode(200)
  @ApiOkResponse({ schema: openApiSchema(propertyMappingTestResultSchema, 'output') })
  test(@Param('id', UuidPipe) id: string, @ZodBody(propertyMappingTestSchema) body: PropertyMappingTest) {
    return this.mappings.test(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.mappings.delete(actor, id);
  }
}
