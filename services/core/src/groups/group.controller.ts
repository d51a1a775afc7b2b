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
  groupListQuerySchema,
  groupMemberSchema,
  groupPatchSchema,
  groupReadSchema,
  groupWriteSchema,
  type GroupFilters,
  type GroupPatch,
  type GroupWrite,
} from './group.dto.js';
import { GroupService } from './group.service.js';
import { GroupEntity } from './group.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const groupDoc = openApiSchema(groupReadSchema, 'output');

@ApiTags('core')
@Controller('api/v3/core/groups')
@RequireSuperuser()
export class GroupController {
  constructor(
    private readonly groups: GroupService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(groupDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(groupListQuerySchema) filters: GroupFilters) {
    return this.groups.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: groupDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(groupWriteSchema) body: GroupWrite) {
    return this.groups.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: groupDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.groups.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(GroupEntity, actor.principal, this.groups.get(id));
  }

  @Put(':id')
  @ApiOkResponse({ schema: groupDoc })
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(groupWriteSchema) body: GroupWrite) {
    return this.groups.update(actor, id, body);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: groupDoc })
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(groupPatchSchema) body: GroupPatch) {
    return this.groups.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.groups.delete(actor, id);
  }

  @Post(':id/add_user')
  @HttpCode(204)
  async addUser(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(groupMemberSchema) body: { pk: number }) {
    await this.groups.addUser(actor, id, body.pk);
  }

  @Post(':id/remove_user')
  @HttpCode(204)
  async removeUser(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(groupMemberSchema) body: { pk: number }) {
    await this.groups.removeUser(actor, id, body.pk);
  }
}
