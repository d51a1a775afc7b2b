import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, listQuerySchema, UuidPipe, ZodQuery, type ListQuery, type Principal } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { ownerFilterSchema, type OwnerFilter } from '../common/owner-filter.js';
import { SessionService } from './session.service.js';

/** `/api/v3/core/authenticated_sessions/`: list and revoke login sessions (own, or all for superusers). */
@ApiTags('core')
@Controller('api/v3/core/authenticated_sessions')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

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

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    await this.sessions.revoke(actor, principal, id);
  }
}
