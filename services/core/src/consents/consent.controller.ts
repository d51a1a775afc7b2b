import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, listQuerySchema, UuidPipe, ZodQuery, type ListQuery, type Principal } from '@authmesh/http';
import { ownerFilterSchema, type OwnerFilter } from '../common/owner-filter.js';
import { ConsentService } from './consent.service.js';

/** `/api/v3/core/user_consent/`: consents given to applications (own, or all for superusers). */
@ApiTags('core')
@Controller('api/v3/core/user_consent')
export class ConsentController {
  constructor(private readonly consents: ConsentService) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(listQuerySchema) query: ListQuery,
    @ZodQuery(ownerFilterSchema) filter: OwnerFilter,
  ) {
    return this.consents.list(principal, query, filter);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    await this.consents.revoke(principal, id);
  }
}
