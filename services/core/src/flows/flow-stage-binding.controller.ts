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
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  bindingListQuerySchema,
  bindingPatchSchema,
  bindingReadSchema,
  bindingWriteSchema,
  type BindingPatch,
  type BindingWrite,
} from './flow-stage-binding.dto.js';
import { FlowStageBindingService } from './flow-stage-binding.service.js';
import { FlowStageBindingEntity } from './flow-stage-binding.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const bindingDoc = openApiSchema(bindingReadSchema, 'output');

@ApiTags('flows')
@Controller('api/v3/flows/bindings')
@RequireSuperuser()
export class FlowStageBindingController {
  constructor(
    private readonly bindings: FlowStageBindingService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(bindingDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(bindingListQuerySchema) filters: { target?: string; stage?: string }) {
    return this.bindings.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: bindingDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(bindingWriteSchema) body: BindingWrite) {
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
    return this.references.of(FlowStageBindingEntity, actor.principal, this.bindings.get(id));
  }

  @Put(':id')
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(bindingWriteSchema) body: BindingWrite) {
    return this.bindings.update(actor, id, body);
  }

  @Patch(':id')
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(bindingPatchSchema) body: BindingPatch) {
    return this.bindings.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.bindings.delete(actor, id);
  }
}
