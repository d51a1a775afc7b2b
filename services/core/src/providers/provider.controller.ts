import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IntIdPipe, listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, ZodQuery, type ListQuery } from '@authmesh/http';
import type { z } from 'zod';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { usedBySchema } from './property-mapping.service.js';
import { providerListQuerySchema, providerReadSchema, ProviderService } from './provider.service.js';

const providerDoc = openApiSchema(providerReadSchema, 'output');

/** Every provider, whatever its type. Providers are created through their type's endpoint. */
@ApiTags('providers')
@Controller('api/v3/providers/all')
@RequireSuperuser()
export class ProviderController {
  constructor(private readonly providers: ProviderService) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(providerDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(providerListQuerySchema) filters: z.output<typeof providerListQuerySchema>) {
    return this.providers.list(filters, query);
  }

  @Get(':id')
  @ApiOkResponse({ schema: providerDoc })
  retrieve(@Param('id', IntIdPipe) id: number) {
    return this.providers.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: openApiSchema(usedBySchema, 'output') })
  usedBy(@Param('id', IntIdPipe) id: number) {
    return this.providers.usedBy(id);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number) {
    await this.providers.delete(actor, id);
  }
}
