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
import { CurrentActor, type Actor } from '../../audit/actor.js';
import {
  scopeMappingListQuerySchema,
  scopeMappingPatchSchema,
  scopeMappingReadSchema,
  scopeMappingWriteSchema,
  type ScopeMappingFilters,
  type ScopeMappingPatch,
  type ScopeMappingWrite,
} from './scope-mapping.dto.js';
import { PropertyMappingService, usedBySchema } from '../property-mapping.service.js';
import { ScopeMappingService } from './scope-mapping.service.js';

const mappingDoc = openApiSchema(scopeMappingReadSchema, 'output');

/** OAuth2 scope mappings, at the reference product's path. */
@ApiTags('propertymappings')
@Controller('api/v3/propertymappings/scope')
@RequireSuperuser()
export class ScopeMappingController {
  constructor(
    private readonly mappings: ScopeMappingService,
    private readonly all: PropertyMappingService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(mappingDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(scopeMappingListQuerySchema) filters: ScopeMappingFilters) {
    return this.mappings.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: mappingDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(scopeMappingWriteSchema) body: ScopeMappingWrite) {
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
    return this.all.usedBy(id, 'scope');
  }

  @Put(':id')
  @ApiOkResponse({ schema: mappingDoc })
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(scopeMappingWriteSchema) body: ScopeMappingWrite) {
    return this.mappings.update(actor, id, body);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: mappingDoc })
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(scopeMappingPatchSchema) body: ScopeMappingPatch) {
    return this.mappings.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.mappings.delete(actor, id);
  }
}
