import { Controller, Delete, Get, HttpCode, Inject, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  listQuerySchema,
  openApiSchema,
  paginatedSchema,
  requestContext,
  RequireSuperuser,
  UuidPipe,
  ZodQuery,
  type ListQuery,
} from '@authmesh/http';
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

  /** Resets a score, recorded as `model_deleted` (clearing a lockout is worth a trace). */
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', UuidPipe) id: string, @Req() request: Request) {
    const score = await this.options.reputation.get(id);
    await this.options.reputation.reset(id);
    const { principal, clientIp } = requestContext(request);
    await this.options.emitEvent('model_deleted', principal?.user ?? null, clientIp, {
      model: {
        app: 'authentik_policies_reputation',
        model_name: 'reputation',
        pk: score.pk,
        name: score.identifier || score.ip,
      },
      score: score.score,
    });
  }
}
