import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, RequireSuperuser, UuidPipe, ZodBody, ZodQuery, type ListQuery } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import {
  promptListQuerySchema,
  promptPatchSchema,
  promptWriteSchema,
  type PromptFilters,
  type PromptPatch,
  type PromptWrite,
} from './prompt.dto.js';
import { PromptService } from './prompt.service.js';
import { PromptEntity } from './prompt.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

@ApiTags('stages')
@Controller('api/v3/stages/prompt/prompts')
@RequireSuperuser()
export class PromptController {
  constructor(
    private readonly prompts: PromptService,
    private readonly references: UsedByService,
  ) {}

  @Get()
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(promptListQuerySchema) filters: PromptFilters) {
    return this.prompts.list(filters, query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @ZodBody(promptWriteSchema) body: PromptWrite) {
    return this.prompts.create(actor, body);
  }

  @Get(':id')
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.prompts.get(id);
  }

  @Get(':id/used_by')
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(PromptEntity, actor.principal, this.prompts.get(id));
  }

  @Put(':id')
  replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(promptWriteSchema) body: PromptWrite) {
    return this.prompts.update(actor, id, body);
  }

  @Patch(':id')
  patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @ZodBody(promptPatchSchema) body: PromptPatch) {
    return this.prompts.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.prompts.delete(actor, id);
  }
}
