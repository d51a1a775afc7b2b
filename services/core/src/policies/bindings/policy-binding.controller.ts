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

const bindingDoc = openApiSchema(policyBindingReadSchema, 'output');

@ApiTags('policies')
@Controller('api/v3/policies/bindings')
@RequireSuperuser()
export class PolicyBindingController {
  constructor(private readonly bindings: PolicyBindingService) {}

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
