import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentPrincipal,
  listQuerySchema,
  openApiSchema,
  paginatedSchema,
  UuidPipe,
  ZodBody,
  ZodQuery,
  type ListQuery,
  type Principal,
} from '@authmesh/http';
import {
  notificationListQuerySchema,
  notificationPatchSchema,
  notificationReadSchema,
  type NotificationFilters,
  type NotificationPatch,
} from './notification.dto.js';
import { NotificationService } from './notification.service.js';

const notificationDoc = openApiSchema(notificationReadSchema, 'output');

/** `/api/v3/events/notifications/`: the signed-in user's own notifications (the drawer of the web interface). */
@ApiTags('events')
@Controller('api/v3/events/notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(notificationDoc) })
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(listQuerySchema) query: ListQuery,
    @ZodQuery(notificationListQuerySchema) filters: NotificationFilters,
  ) {
    return this.notifications.list(principal, filters, query);
  }

  @Post('mark_all_seen')
  @HttpCode(204)
  async markAllSeen(@CurrentPrincipal() principal: Principal) {
    await this.notifications.markAllSeen(principal);
  }

  @Get(':id')
  @ApiOkResponse({ schema: notificationDoc })
  retrieve(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.notifications.get(principal, id);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: notificationDoc })
  patch(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @ZodBody(notificationPatchSchema) body: NotificationPatch,
  ) {
    return this.notifications.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    await this.notifications.delete(principal, id);
  }
}
