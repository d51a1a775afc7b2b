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
  instanceListQuerySchema,
  instancePatchSchema,
  instanceReadSchema,
  instanceWriteSchema,
  type InstancePatch,
  type InstanceWrite,
} from './blueprint-instance.dto.js';
import { BlueprintInstanceService } from './blueprint-instance.service.js';
import { BlueprintInstanceEntity } from './blueprint-instance.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const instanceDoc = openApiSchema(instanceReadSchema, 'output');

@ApiTags('managed')
@Controller('api/v3/managed/blueprints')
@RequireSuperuser()
export class BlueprintInstanceController {
  constructor(
    private readonly instances: BlueprintInstanceService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(instanceDoc) })
  list(
    @ZodQuery(listQuerySchema) query: ListQuery,
    @ZodQuery(instanceListQuerySchema) filters: { name?: string; path?: string; show_system?: string },
  ) {
    return this.instances.list(filters, query);
  }

  @Get('available')
  available() {
    return this.instances.available();
  }

  @Post()
  @ApiOkResponse({ schema: instanceDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(instanceWriteSchema) body: InstanceWrite) {
    return this.instances.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: instanceDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.instances.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(BlueprintInstanceEntity, actor.principal, this.instances.get(id));
  }

  @Put(':id')
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(instancePatchSchema) body: InstancePatch) {
    return this.instances.update(actor, id, body);
  }

  @Patch(':id')
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(instancePatchSchema) body: InstancePatch) {
    return this.instances.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.instances.delete(actor, id);
  }

  @Post(':id/apply')
  @HttpCode(200)
  @ApiOkResponse({ schema: instanceDoc })
  apply(@Param('id', UuidPipe) id: string) {
    return this.instances.apply(id);
  }
}
