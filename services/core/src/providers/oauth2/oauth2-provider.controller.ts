import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  IntIdPipe,
  listQuerySchema,
  openApiSchema,
  paginatedSchema,
  RequireSuperuser,
  ZodBody,
  ZodQuery,
  type ListQuery,
  requestOrigin,
} from '@authmesh/http';
import { CurrentActor, type Actor } from '../../audit/actor.js';
import {
  clientSecretSchema,
  oauth2ProviderListQuerySchema,
  oauth2ProviderPatchSchema,
  oauth2ProviderReadSchema,
  oauth2ProviderWriteSchema,
  previewUserQuerySchema,
  previewUserSchema,
  setupUrlsSchema,
  retiredKeysSchema,
  type OAuth2ProviderFilters,
  type OAuth2ProviderPatch,
  type OAuth2ProviderWrite,
} from './oauth2-provider.dto.js';
import { OAuth2ProviderService } from './oauth2-provider.service.js';
import { ProviderEntity } from '../provider.entity.js';
import { UsedByService } from '../../common/used-by/used-by.service.js';
import { usedByDoc } from '../../common/used-by/used-by.js';

const providerDoc = openApiSchema(oauth2ProviderReadSchema, 'output');

/** OAuth2/OpenID providers, at the reference product's path. */
@ApiTags('providers')
@Controller('api/v3/providers/oauth2')
@RequireSuperuser()
export class OAuth2ProviderController {
  constructor(
    private readonly providers: OAuth2ProviderService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(providerDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(oauth2ProviderListQuerySchema) filters: OAuth2ProviderFilters) {
    return this.providers.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: providerDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(oauth2ProviderWriteSchema) body: OAuth2ProviderWrite) {
    return this.providers.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: providerDoc })
  retrieve(@Param('id', IntIdPipe) id: number) {
    return this.providers.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number) {
    return this.references.of(ProviderEntity, actor.principal, this.providers.get(id));
  }

  @Put(':id')
  @ApiOkResponse({ schema: providerDoc })
  replace(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number, @ZodBody(oauth2ProviderWriteSchema) body: OAuth2ProviderWrite) {
    return this.providers.update(actor, id, body);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: providerDoc })
  patch(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number, @ZodBody(oauth2ProviderPatchSchema) body: OAuth2ProviderPatch) {
    return this.providers.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number) {
    await this.providers.delete(actor, id);
  }

  @Get(':id/retired_keys')
  @ApiOkResponse({ schema: openApiSchema(retiredKeysSchema, 'output') })
  retiredKeys(@Param('id', IntIdPipe) id: number) {
    return this.providers.retiredKeys(id);
  }

  @Get(':id/setup_urls')
  @ApiOkResponse({ schema: openApiSchema(setupUrlsSchema, 'output') })
  setupUrls(@Param('id', IntIdPipe) id: number, @Req() request: Request) {
    return this.providers.setupUrls(id, originOf(request));
  }

  /** The claims a token for this user would carry (every scope the provider maps), as the reference's preview. */
  @Get(':id/preview_user')
  @ApiOkResponse({ schema: openApiSchema(previewUserSchema, 'output') })
  previewUser(@Param('id', IntIdPipe) id: number, @ZodQuery(previewUserQuerySchema) query: { for_user: number }, @Req() request: Request) {
    return this.providers.previewUser(id, query.for_user, originOf(request));
  }

  /** The client secret, to a superuser, recorded as a `secret_view` event. */
  @Get(':id/view_client_secret')
  @ApiOkResponse({ schema: openApiSchema(clientSecretSchema, 'output') })
  viewClientSecret(@CurrentActor() actor: Actor, @Param('id', IntIdPipe) id: number) {
    return this.providers.viewClientSecret(actor, id);
  }
}

/** The origin the admin reached the API on (the gateway's forwarded scheme and host), for setup URLs. */
function originOf(request: Request): string {
  const { scheme, host } = requestOrigin(request);
  return `${scheme}://${host}`;
}
