import { Controller, Delete, Get, HttpCode, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, UuidPipe, ZodQuery, type ListQuery } from '@authmesh/http';
import { FLOWS_OPTIONS } from '../flows.tokens.js';
import type { FlowsOptions } from '../flows.options.js';
import { reputationListQuerySchema, reputationReadSchema, reputationUsedBySchema, type ReputationFilters } from './reputation.dto.js';

const reputationDoc = openApiSchema(reputationReadSchema, 'output');

/** Reputation scores for administrators: look at them, and reset one by deleting it. */
@ApiTags('policies')
@Controller('api/v3/policies/reputation/scores')
@RequireSuperuser()
export class ReputationController {
  constructor(@Inject(FLOWS_OPTIONS) private readonly options: FlowsOptions) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(reputationDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(reputationListQuerySchema) filters: ReputationFilters) {
    return this.options.reputation.list(filters, query);
  }

  @Get(':id')
  @ApiOkResponse({ schema: reputationDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.options.reputation.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: openApiSchema(reputationUsedBySchema, 'output') })
  async usedBy(@Param('id', UuidPipe) id: string) {
    await this.options.reputation.get(id);
    return [];
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', UuidPipe) id: string) {
    await this.options.reputation.reset(id);
  }
}
