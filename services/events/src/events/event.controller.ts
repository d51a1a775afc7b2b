import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, UuidPipe, ZodQuery, type ListQuery } from '@authmesh/http';
import { eventListQuerySchema, eventReadSchema, type EventFilters } from './event.dto.js';
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

  @Get('actions')
  actions() {
    return this.events.actions();
  }

  @Get(':id')
  @ApiOkResponse({ schema: eventDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.events.get(id);
  }
}
