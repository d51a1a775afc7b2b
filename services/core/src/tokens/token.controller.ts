import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, ZodBody, ZodQuery, type ListQuery } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  setKeySchema,
  tokenListQuerySchema,
  tokenPatchSchema,
  tokenReadSchema,
  tokenWriteSchema,
  type TokenFilters,
  type TokenPatch,
  type TokenWrite,
} from './token.dto.js';
import { TokenService } from './token.service.js';
import { TokenEntity } from './token.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const tokenDoc = openApiSchema(tokenReadSchema, 'output');

@ApiTags('core')
@Controller('api/v3/core/tokens')
export class TokenController {
  constructor(
    private readonly tokens: TokenService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(tokenDoc) })
  list(@CurrentActor() actor: Actor, @ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(tokenListQuerySchema) filters: TokenFilters) {
    return this.tokens.list(actor, filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: tokenDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(tokenWriteSchema) body: TokenWrite) {
    return this.tokens.create(actor, body);
  }

  @Get(':identifier')
  @ApiOkResponse({ schema: tokenDoc })
  retrieve(@CurrentActor() actor: Actor, @Param('identifier') identifier: string) {
    return this.tokens.get(actor, identifier);
  }

  @Get(':identifier/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('identifier') identifier: string) {
    return this.references.of(TokenEntity, actor.principal, this.tokens.get(actor, identifier));
  }

  @Put(':identifier')
  @ApiOkResponse({ schema: tokenDoc })
  replace(@CurrentActor() actor: Actor, @Param('identifier') identifier: string, @ZodBody(tokenPatchSchema) body: TokenPatch) {
    return this.tokens.update(actor, identifier, body);
  }

  @Patch(':identifier')
  @ApiOkResponse({ schema: tokenDoc })
  patch(@CurrentActor() actor: Actor, @Param('identifier') identifier: string, @ZodBody(tokenPatchSchema) body: TokenPatch) {
    return this.tokens.update(actor, identifier, body);
  }

  @Delete(':identifier')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('identifier') identifier: string) {
    await this.tokens.delete(actor, identifier);
  }

  @Get(':identifier/view_key')
  @ApiOkResponse({ schema: { type: 'object', properties: { key: { type: 'string' } } } })
  viewKey(@CurrentActor() actor: Actor, @Param('identifier') identifier: string) {
    return this.tokens.viewKey(actor, identifier);
  }

  @Post(':identifier/set_key')
  @RequireSuperuser()
  @HttpCode(204)
  async setKey(@CurrentActor() actor: Actor, @Param('identifier') identifier: string, @ZodBody(setKeySchema) body: { key: string }) {
    await this.tokens.setKey(actor, identifier, body.key);
  }
}
