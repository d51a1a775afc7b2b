import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  listQuerySchema,
  openApiSchema,
  paginatedSchema,
  Public,
  RequireSuperuser,
  UuidPipe,
  ZodBody,
  ZodQuery,
  type ListQuery,
} from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  brandListQuerySchema,
  brandPatchSchema,
  brandReadSchema,
  brandWriteSchema,
  currentBrandSchema,
  type BrandFilters,
  type BrandPatch,
  type BrandWrite,
} from './brand.dto.js';
import { BrandService } from './brand.service.js';
import { BrandEntity } from './brand.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const brandDoc = openApiSchema(brandReadSchema, 'output');

@ApiTags('core')
@Controller('api/v3/core/brands')
@RequireSuperuser()
export class BrandController {
  constructor(
    private readonly brands: BrandService,
    private readonly references: UsedByService,
  ) {}

  @Get('current')
  @Public()
  @ApiOkResponse({ schema: openApiSchema(currentBrandSchema, 'output') })
  current(@Req() request: Request) {
    return this.brands.current(request.hostname ?? '');
  }

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(brandDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(brandListQuerySchema) filters: BrandFilters) {
    return this.brands.list(filters, query);
  }

  @Post()
  @ApiOkResponse({ schema: brandDoc })
  create(@CurrentActor() actor: Actor, @ZodBody(brandWriteSchema) body: BrandWrite) {
    return this.brands.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: brandDoc })
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.brands.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(BrandEntity, actor.principal, this.brands.get(id), id);
  }

  @Put(':id')
  @ApiOkResponse({ schema: brandDoc })
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(brandWriteSchema) body: BrandWrite) {
    return this.brands.update(actor, id, body);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: brandDoc })
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(brandPatchSchema) body: BrandPatch) {
    return this.brands.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.brands.delete(actor, id);
  }
}
