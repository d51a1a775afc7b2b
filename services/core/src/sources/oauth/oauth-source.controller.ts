import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, ZodBody, ZodQuery, type ListQuery } from '@authmesh/http';
import { usedByDoc } from '../../common/used-by/used-by.js';
import { CurrentActor, type Actor } from '../../audit/actor.js';
import { SourceService } from '../source.service.js';
import {
  oauthSourceListQuerySchema,
  oauthSourcePatchSchema,
  oauthSourceReadSchema,
  oauthSourceWriteSchema,
  sourceTypeSchema,
  type OAuthSourceFilters,
  type OAuthSourcePatch,
  type OAuthSourceWrite,
} from './oauth-source.dto.js';
import { OAuthSourceService } from './oauth-source.service.js';

const sourceDoc = openApiSchema(oauthSourceReadSchema, 'output');

/** OAuth/OpenID Connect sources by slug, at the reference product's path. */
@ApiTags('sources')
@Controller('api/v3/sources/oauth')
@RequireSuperuser()
export class OAuthSourceController {
  constructor(
    private readonly sources: OAuthSourceService,
    private readonly base: SourceService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(sourceDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(oauthSourceListQuerySchema) filters: OAuthSourceFilters) {
    return this.sources.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: sourceDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(oauthSourceWriteSchema) body: OAuthSourceWrite) {
    return this.sources.create(actor, body);
  }

  /** The provider types and the endpoints each is known to have. */
  @Get('source_types')
  @ApiOkResponse({ schema: openApiSchema(z.array(sourceTypeSchema), 'output') })
  sourceTypes() {
    return this.sources.sourceTypes();
  }

  @Get(':slug')
  @ApiOkResponse({ schema: sourceDoc })
  retrieve(@Param('slug') slug: string) {
    return this.sources.get(slug);
  }

  @Put(':slug')
  @ApiOkResponse({ schema: sourceDoc })
  replace(@CurrentActor() actor: Actor, @Param('slug') slug: string, @ZodBody(oauthSourceWriteSchema) body: OAuthSourceWrite) {
    return this.sources.update(actor, slug, body);
  }

  @Patch(':slug')
  @ApiOkResponse({ schema: sourceDoc })
  patch(@CurrentActor() actor: Actor, @Param('slug') slug: string, @ZodBody(oauthSourcePatchSchema) body: OAuthSourcePatch) {
    return this.sources.update(actor, slug, body);
  }

  @Delete(':slug')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    await this.sources.delete(actor, slug);
  }

  @Get(':slug/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    return this.base.usedBy(actor.principal, slug);
  }
}
