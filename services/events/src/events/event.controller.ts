import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, UuidPipe, ZodQuery, type ListQuery } from '@authmesh/http';
import {
  coordinatesSchema,
  eventListQuerySchema,
  eventReadSchema,
  loginMetricsSchema,
  topPerUserQuerySchema,
  topPerUserSchema,
  eventActionsSchema,
  type EventFilters,
  type TopPerUserQuery,
} from './event.dto.js';
import { EventService } from './event.service.js';

const eventDoc = openApiSchema(eventReadSchema, 'output');

@ApiTags('events')
@Controller('api/v3/events/events')
@RequireSuperuser()
export class EventController {
  constructor(private readonly events: EventService) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(eventDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(eventListQuerySchema) filters: EventFilters) {
    return this.events.list(filters, query);
  }

  @Get('per_month')
  @ApiOkResponse({ schema: openApiSchema(coordinatesSchema, 'output') })
  perMonth(@ZodQuery(eventListQuerySchema) filters: EventFilters) {
    return this.events.volume(filters, 30 * 24 * 3600, 24 * 3600);
  }

  @Get('top_per_user')
  @ApiOkResponse({ schema: openApiSchema(topPerUserSchema, 'output') })
  topPerUser(@ZodQuery(topPerUserQuerySchema) query: TopPerUserQuery) {
    return this.events.topPerUser(query.action, query.top_n);
  }

  @Get('actions')
  @ApiOkResponse({ schema: openApiSchema(eventActionsSchema, 'output') })
  actions() {
    return this.events.actions();
  }

  @Get(':id')
  @ApiOkResponse({ schema: eventDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.events.get(id);
  }
}

/** The admin dashboard's login chart, at the reference product's path. */
@ApiTags('admin')
@Controller('api/v3/admin/metrics')
@RequireSuperuser()
export class LoginMetricsController {
  constructor(private readonly events: EventService) {}

  @Get()
  @ApiOkResponse({ schema: openApiSchema(loginMetricsSchema, 'output') })
  retrieve() {
    return this.events.loginMetrics();
  }
}
