import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, ZodBody, ZodQuery, type ListQuery } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  flowListQuerySchema,
  flowPatchSchema,
  flowReadSchema,
  flowWriteSchema,
  type FlowFilters,
  type FlowPatch,
  type FlowWrite,
} from './flow.dto.js';
import { FlowService } from './flow.service.js';

const flowDoc = openApiSchema(flowReadSchema, 'output');

@ApiTags('flows')
@Controller('api/v3/flows/instances')
@RequireSuperuser()
export class FlowController {
  constructor(private readonly flows: FlowService) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(flowDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(flowListQuerySchema) filters: FlowFilters) {
    return this.flows.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: flowDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(flowWriteSchema) body: FlowWrite) {
    return this.flows.create(actor, body);
  }

  @Get(':slug')
  @ApiOkResponse({ schema: flowDoc })
  retrieve(@Param('slug') slug: string) {
    return this.flows.get(slug);
  }

  @Put(':slug')
  replace(@CurrentActor() actor: Actor, @Param('slug') slug: string, @ZodBody(flowWriteSchema) body: FlowWrite) {
    return this.flows.update(actor, slug, body);
  }

  @Patch(':slug')
  patch(@CurrentActor() actor: Actor, @Param('slug') slug: string, @ZodBody(flowPatchSchema) body: FlowPatch) {
    return this.flows.update(actor, slug, body);
  }

  @Delete(':slug')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    await this.flows.delete(actor, slug);
  }
}
