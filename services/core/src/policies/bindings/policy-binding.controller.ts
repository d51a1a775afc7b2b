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
  policyBindingListQuerySchema,
  policyBindingPatchSchema,
  policyBindingReadSchema,
  policyBindingWriteSchema,
  type PolicyBindingFilters,
  type PolicyBindingPatch,
  type PolicyBindingWrite,
} from './policy-binding.dto.js';
import { PolicyBindingService } from './policy-binding.service.js';
import { PolicyBindingEntity } from './policy-binding.entity.js';
import { UsedByService } from '../../common/used-by/used-by.service.js';
import { usedByDoc } from '../../common/used-by/used-by.js';

const bindingDoc = openApiSchema(policyBindingReadSchema, 'output');

@ApiTags('policies')
@Controller('api/v3/policies/bindings')
@RequireSuperuser()
export class PolicyBindingController {
  constructor(
    private readonly bindings: PolicyBindingService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(bindingDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(policyBindingListQuerySchema) filters: PolicyBindingFilters) {
    return this.bindings.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: bindingDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(policyBindingWriteSchema) body: PolicyBindingWrite) {
    return this.bindings.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: bindingDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.bindings.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(PolicyBindingEntity, actor.principal, this.bindings.get(id));
  }

  @Put(':id')
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(policyBindingWriteSchema) body: PolicyBindingWrite) {
    return this.bindings.update(actor, id, body);
  }

  @Patch(':id')
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(policyBindingPatchSchema) body: PolicyBindingPatch) {
    return this.bindings.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.bindings.delete(actor, id);
  }
}
