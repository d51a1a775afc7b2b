import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, ZodQuery, type ListQuery } from '@authmesh/http';
import { usedByDoc } from '../common/used-by/used-by.js';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { sourceListQuerySchema, sourceReadSchema, type SourceFilters } from './source.dto.js';
import { SourceService } from './source.service.js';

const sourceDoc = openApiSchema(sourceReadSchema, 'output');

/** Every source, whatever its type, by slug. Sources are created through their type's endpoint. */
@ApiTags('sources')
@Controller('api/v3/sources/all')
@RequireSuperuser()
export class SourceController {
  constructor(private readonly sources: SourceService) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(sourceDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(sourceListQuerySchema) filters: SourceFilters) {
    return this.sources.list(filters, query);
  }

  @Get(':slug')
  @ApiOkResponse({ schema: sourceDoc })
  retrieve(@Param('slug') slug: string) {
    return this.sources.get(slug);
  }

  @Get(':slug/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    return this.sources.usedBy(actor.principal, slug);
  }

  @Delete(':slug')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    await this.sources.delete(actor, slug);
  }
}
