import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, RequireSuperuser, UuidPipe, ZodBody, ZodQuery, type ListQuery } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  invitationListQuerySchema,
  invitationPatchSchema,
  invitationWriteSchema,
  type InvitationFilters,
  type InvitationPatch,
  type InvitationWrite,
} from './invitation.dto.js';
import { InvitationService } from './invitation.service.js';
import { InvitationEntity } from './invitation.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

@ApiTags('stages')
@Controller('api/v3/stages/invitation/invitations')
@RequireSuperuser()
export class InvitationController {
  constructor(
    private readonly invitations: InvitationService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(invitationListQuerySchema) filters: InvitationFilters) {
    return this.invitations.list(filters, query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @ZodBody(invitationWriteSchema) body: InvitationWrite) {
    return this.invitations.create(actor, body);
  }

  @Get(':id')
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.invitations.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(InvitationEntity, actor.principal, this.invitations.get(id));
  }

  @Put(':id')
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(invitationWriteSchema) body: InvitationWrite) {
    return this.invitations.update(actor, id, body);
  }

  @Patch(':id')
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(invitationPatchSchema) body: InvitationPatch) {
    return this.invitations.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.invitations.delete(actor, id);
  }
}
