import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, type Type } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { listQuerySchema, openApiSchema, RequireSuperuser, UuidPipe, ZodQuery, type ListQuery } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { FlowActionsService } from '../flows/flow-actions.service.js';
import type { PolicyType } from './policy-type.js';
import { PolicyService, policyPatchSchema, policyTestSchema, policyWriteSchema } from './policy.service.js';
import { PolicyEntity } from './policy.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const filters = z.object({
  name: z.string().max(255).optional(),
  bindings__isnull: z.enum(['true', 'false']).optional(),
});
type Filters = z.infer<typeof filters>;

function listQuery(query: ListQuery, f: Filters) {
  return { ...query, name: f.name, unbound: f.bindings__isnull === 'true' };
}

/**
 * The `/api/v3/policies/<path>/` controller of one policy type. Built per type so every type
 * has its own paths and documented body, while the logic stays in PolicyService.
 */
export function policyController(type: PolicyType): Type<unknown> {
  const write = openApiSchema(policyWriteSchema(type));
  const patch = openApiSchema(policyPatchSchema(type));

  @ApiTags('policies')
  @Controller(`api/v3/policies/${type.path}`)
  @RequireSuperuser()
  class PolicyTypeController {
    constructor(
      readonly policies: PolicyService,
      readonly references: UsedByService,
    ) {}

    @Get()
    list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(filters) f: Filters) {
      return this.policies.list(type, listQuery(query, f));
    }

    @Post()
    @ApiBody({ schema: write })
    create(@CurrentActor() actor: Actor, @Body() body: unknown) {
      return this.policies.create(actor, type, body);
    }

    @Get(':id')
    retrieve(@Param('id', UuidPipe) id: string) {
      return this.policies.get(type, id);
    }

    @Get(':id/used_by')
    @ApiOkResponse({ schema: usedByDoc })
    usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
      return this.references.of(PolicyEntity, actor.principal, this.policies.get(type, id));
    }

    @Put(':id')
    @ApiBody({ schema: write })
    replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: unknown) {
      return this.policies.update(actor, type, id, body);
    }

    @Patch(':id')
    @ApiBody({ schema: patch })
    patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: unknown) {
      return this.policies.update(actor, type, id, body);
    }

    @Delete(':id')
    @HttpCode(204)
    async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
      await this.policies.delete(actor, type, id);
    }
  }
  Object.defineProperty(PolicyTypeController, 'name', { value: `Policy_${type.type}_Controller` });
  return PolicyTypeController;
}

/** `/api/v3/policies/all/`: every policy whatever its type. */
@ApiTags('policies')
@Controller('api/v3/policies/all')
@RequireSuperuser()
export class AllPoliciesController {
  constructor(
    private readonly policies: PolicyService,
    private readonly actions: FlowActionsService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(filters) f: Filters) {
    return this.policies.list(undefined, listQuery(query, f));
  }

  /** How many policy results the executor holds. */
  @Get('cache_info')
  cacheInfo() {
    return this.actions.policyCacheInfo();
  }

  /** Drops cached policy results (and cached flows) on the executor. */
  @Post('cache_clear')
  @HttpCode(204)
  async cacheClear() {
    await this.actions.cacheClear();
  }

  @Get(':id')
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.policies.get(undefined, id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(PolicyEntity, actor.principal, this.policies.get(undefined, id));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.policies.delete(actor, undefined, id);
  }

  /** Evaluates the policy for a user and context (needs the right to change policies). */
  @Post(':id/test')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(policyTestSchema) })
  test(@Param('id', UuidPipe) id: string, @Body() body: unknown) {
    return this.policies.test(id, body);
  }
}
