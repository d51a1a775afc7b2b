import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, ZodBody, ZodQuery, type ListQuery } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  applicationListQuerySchema,
  applicationPatchSchema,
  applicationReadSchema,
  applicationWriteSchema,
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
@Controller('api/v3/core/applications')
@RequireSuperuser()
export class ApplicationController {
  constructor(
    private readonly applications: ApplicationService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(applicationDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(applicationListQuerySchema) filters: ApplicationFilters) {
    return this.applications.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: applicationDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(applicationWriteSchema) body: ApplicationWrite) {
    return this.applications.create(actor, body);
  }

  @Get(':slug')
  @ApiOkResponse({ schema: applicationDoc })
  retrieve(@Param('slug') slug: string) {
    return this.applications.get(slug);
  }

  @Get(':slug/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    return this.references.of(ApplicationEntity, actor.principal, this.applications.get(slug));
  }

  @Put(':slug')
  replace(@CurrentActor() actor: Actor, @Param('slug') slug: string, @ZodBody(applicationWriteSchema) body: ApplicationWrite) {
    return this.applications.update(actor, slug, body);
  }

  @Patch(':slug')
  patch(@CurrentActor() actor: Actor, @Param('slug') slug: string, @ZodBody(applicationPatchSchema) body: ApplicationPatch) {
    return this.applications.update(actor, slug, body);
  }

  @Delete(':slug')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    await this.applications.delete(actor, slug);
  }
}
