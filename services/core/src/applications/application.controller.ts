import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, ZodBody, ZodQuery, type ListQuery } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  applicationAudienceSchema,
  applicationListQuerySchema,
  applicationPatchSchema,
  applicationReadSchema,
  applicationWriteSchema,
  type ApplicationAudience,
  type ApplicationFilters,
  type ApplicationPatch,
  type ApplicationWrite,
} from './application.dto.js';
import { ApplicationService } from './application.service.js';
import { ApplicationEntity } from './application.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const applicationDoc = openApiSchema(applicationReadSchema, 'output');

@ApiTags('core')
/** Applications: superusers manage them; every user lists the ones they may open. */
@Controller('api/v3/core/applications')
export class ApplicationController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(applicationDoc) })
  list(
    @CurrentActor() actor: Actor,
    @ZodQuery(listQuerySchema) query: ListQuery,
    @ZodQuery(applicationListQuerySchema) filters: ApplicationFilters,
    @ZodQuery(applicationAudienceSchema) audience: ApplicationAudience,
  ) {
    return this.applications.list(actor, filters, audience, query);
  }

  @Post()
  @RequireSuperuser()
  @ApiOkResponse({ schema: applicationDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(applicationWriteSchema) body: ApplicationWrite) {
    return this.applications.create(actor, body);
  }

  @Get(':slug')
  @RequireSuperuser()
  @ApiOkResponse({ schema: applicationDoc })
  retrieve(@Param('slug') slug: string) {
    return this.applications.get(slug);
  }

  @Get(':slug/used_by')
  @RequireSuperuser()
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    return this.references.of(ApplicationEntity, actor.principal, this.applications.get(slug));
  }

  @Put(':slug')
  @RequireSuperuser()
  replace(@CurrentActor() actor: Actor, @Param('slug') slug: string, @ZodBody(applicationWriteSchema) body: ApplicationWrite) {
    return this.applications.update(actor, slug, body);
  }

  @Patch(':slug')
  @RequireSuperuser()
  patch(@CurrentActor() actor: Actor, @Param('slug') slug: string, @ZodBody(applicationPatchSchema) body: ApplicationPatch) {
    return this.applications.update(actor, slug, body);
  }

  @Delete(':slug')
  @RequireSuperuser()
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    await this.applications.delete(actor, slug);
  }
}
