import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, listQuerySchema, UuidPipe, ZodQuery, type ListQuery, type Principal } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { ownerFilterSchema, type OwnerFilter } from '../common/owner-filter.js';
import { SessionService } from './session.service.js';
import { SessionEntity } from './session.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

/** `/api/v3/core/authenticated_sessions/`: list and revoke login sessions (own, or all for superusers). */
@ApiTags('core')
@Controller('api/v3/core/authenticated_sessions')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(listQuerySchema) query: ListQuery,
    @ZodQuery(ownerFilterSchema) filter: OwnerFilter,
  ) {
    return this.sessions.list(principal, query, filter);
  }

  @Get(':id')
  retrieve(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.sessions.get(principal, id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.references.of(SessionEntity, principal, this.sessions.get(principal, id), id);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    await this.sessions.revoke(actor, principal, id);
  }
}
