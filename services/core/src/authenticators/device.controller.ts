import { Controller, Delete, Get, HttpCode, Param, Patch, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentPrincipal,
  listQuerySchema,
  openApiSchema,
  paginatedSchema,
  RequireSuperuser,
  UuidPipe,
  ZodBody,
  ZodQuery,
  type ListQuery,
  type Principal,
} from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { ownerFilterSchema, type OwnerFilter } from '../common/owner-filter.js';
import { deviceReadSchema, deviceRenameSchema, type DeviceRename } from './device.dto.js';
import { DeviceService } from './device.service.js';
import { DeviceEntity, type DeviceType } from './device.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const deviceDoc = openApiSchema(deviceReadSchema, 'output');

/** `/api/v3/authenticators/all/`: the caller's own devices of every type. */
@ApiTags('authenticators')
@Controller('api/v3/authenticators/all')
export class AllDevicesController {
  constructor(private readonly devices: DeviceService) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(deviceDoc) })
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(listQuerySchema) query: ListQuery) {
    return this.devices.list(principal, undefined, query, false);
  }
}

/** `/api/v3/authenticators/<type>/` (own devices) or `/api/v3/authenticators/admin/<type>/` (every user's, superusers). */
export function deviceController(type: DeviceType, admin: boolean): Type<unknown> {
  @ApiTags('authenticators')
  @Controller(admin ? `api/v3/authenticators/admin/${type}` : `api/v3/authenticators/${type}`)
  class DeviceTypeController {
    constructor(
      readonly devices: DeviceService,
      readonly references: UsedByService,
    ) {}

    @Get()
    @ApiOkResponse({ schema: paginatedSchema(deviceDoc) })
    list(
      @CurrentPrincipal() principal: Principal,
      @ZodQuery(listQuerySchema) query: ListQuery,
      @ZodQuery(ownerFilterSchema) filter: OwnerFilter,
    ) {
      return this.devices.list(principal, type, query, admin, filter);
    }

    @Get(':id')
    @ApiOkResponse({ schema: deviceDoc })
    retrieve(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
      return this.devices.get(principal, id, type);
    }

    @Get(':id/used_by')
    @ApiOkResponse({ schema: usedByDoc })
    usedBy(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
      return this.references.of(DeviceEntity, principal, this.devices.get(principal, id, type));
    }

    @Patch(':id')
    @ApiOkResponse({ schema: deviceDoc })
    rename(
      @CurrentActor() actor: Actor,
      @CurrentPrincipal() principal: Principal,
      @Param('id', UuidPipe) id: string,
      @ZodBody(deviceRenameSchema) body: DeviceRename,
    ) {
      return this.devices.rename(actor, principal, id, body.name, type);
    }

    @Delete(':id')
    @HttpCode(204)
    async remove(@CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
      await this.devices.delete(actor, principal, id, type);
    }
  }
  if (admin) RequireSuperuser()(DeviceTypeController);
  Object.defineProperty(DeviceTypeController, 'name', { value: `Device_${type}_${admin ? 'Admin' : 'Own'}Controller` });
  return DeviceTypeController;
}
