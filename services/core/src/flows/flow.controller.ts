import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ValidationFailedError } from '@authmesh/runtime';
import { FlowTransferService } from './flow-transfer.service.js';
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
import { FlowActionsService } from './flow-actions.service.js';
import { FlowService } from './flow.service.js';
import { FlowEntity } from './flow.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const flowDoc = openApiSchema(flowReadSchema, 'output');

@ApiTags('flows')
@Controller('api/v3/flows/instances')
@RequireSuperuser()
export class FlowController {
  constructor(
    private readonly flows: FlowService,
    private readonly transfer: FlowTransferService,
    private readonly actions: FlowActionsService,
    private readonly references: UsedByService,
  ) {}

  /** A blueprint file of one exported flow (`file` form field), applied in one transaction. */
  @Post('import')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 1024 * 1024, files: 1 } }))
  async import(@UploadedFile() file: { buffer: Buffer } | undefined, @Res({ passthrough: true }) res: Response) {
    if (!file) throw ValidationFailedError.field('file', 'No file was submitted.');
    const result = await this.transfer.import(file.buffer.toString('utf8'));
    if (!result.success) res.status(400);
    return result;
  }

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

  /** How many flow definitions the executor holds. */
  @Get('cache_info')
  cacheInfo() {
    return this.actions.cacheInfo();
  }

  @Post('cache_clear')
  @HttpCode(204)
  async cacheClear() {
    await this.actions.cacheClear();
  }

  @Get(':slug/diagram')
  diagram(@Param('slug') slug: string) {
    return this.actions.diagram(slug);
  }

  @Get(':slug/execute')
  execute(@Param('slug') slug: string) {
    return this.actions.execute(slug);
  }

  @Get(':slug')
  @ApiOkResponse({ schema: flowDoc })
  retrieve(@Param('slug') slug: string) {
    return this.flows.get(slug);
  }

  @Get(':slug/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('slug') slug: string) {
    return this.references.of(FlowEntity, actor.principal, this.flows.get(slug));
  }

  @Get(':slug/export')
  async export(@Param('slug') slug: string, @Res() res: Response) {
    const yaml = await this.transfer.export(slug);
    res.setHeader('Content-Disposition', `attachment; filename="${slug}.yaml"`);
    res.type('application/x-yaml').send(yaml);
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
