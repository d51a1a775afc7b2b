import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, type Type } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { listQuerySchema, openApiSchema, RequireSuperuser, UuidPipe, ZodQuery, type ListQuery } from '@authmesh/http';
import { CurrentActor, type Actor } from '../audit/actor.js';
import type { StageType } from './stage-type.js';
import { StageService, stagePatchSchema, stageWriteSchema } from './stage.service.js';
import { StageEntity } from './stage.entity.js';
import { UsedByService } from '../common/used-by/used-by.service.js';
import { usedByDoc } from '../common/used-by/used-by.js';

const userSettingsDoc = {
  type: 'array',
  items: {
    type: 'object',
    required: ['object_uid', 'component', 'title', 'configure_url'],
    properties: {
      object_uid: { type: 'string' },
      component: { type: 'string' },
      title: { type: 'string' },
      configure_url: { type: 'string' },
    },
  },
};

const nameFilter = z.object({ name: z.string().max(255).optional() });

/**
 * The `/api/v3/stages/<path>/` controller of one stage type. Built per type so every type
 * has its own paths and documented body, while the logic stays in StageService.
 */
export function stageController(type: StageType): Type<unknown> {
  const write = openApiSchema(stageWriteSchema(type));
  const patch = openApiSchema(stagePatchSchema(type));

  @ApiTags('stages')
  @Controller(`api/v3/stages/${type.path}`)
  @RequireSuperuser()
  class StageTypeController {
    constructor(
      readonly stages: StageService,
      readonly references: UsedByService,
    ) {}

    @Get()
    list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(nameFilter) filters: { name?: string }) {
      return this.stages.list(type, { ...query, ...filters });
    }

    @Post()
    @ApiBody({ schema: write })
    create(@CurrentActor() actor: Actor, @Body() body: unknown) {
      return this.stages.create(actor, type, body);
    }

    @Get(':id')
    retrieve(@Param('id', UuidPipe) id: string) {
      return this.stages.get(type, id);
    }

    @Get(':id/used_by')
    @ApiOkResponse({ schema: usedByDoc })
    usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
      return this.references.of(StageEntity, actor.principal, this.stages.get(type, id));
    }

    @Put(':id')
    @ApiBody({ schema: write })
    replace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: unknown) {
      return this.stages.update(actor, type, id, body);
    }

    @Patch(':id')
    @ApiBody({ schema: patch })
    patch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: unknown) {
      return this.stages.update(actor, type, id, body);
    }

    @Delete(':id')
    @HttpCode(204)
    async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
      await this.stages.delete(actor, type, id);
    }
  }
  Object.defineProperty(StageTypeController, 'name', { value: `Stage_${type.type}_Controller` });
  return StageTypeController;
}

/** `/api/v3/stages/all/`: every stage whatever its type. */
@ApiTags('stages')
@Controller('api/v3/stages/all')
export class AllStagesController {
  constructor(
    private readonly stages: StageService,
    private readonly references: UsedByService,
  ) {}

  /** For every logged-in user: the authenticators and password they can set up, and where. */
  @Get('user_settings')
  @ApiOkResponse({ schema: userSettingsDoc })
  userSettings() {
    return this.stages.userSettings();
  }

  @Get()
  @RequireSuperuser()
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(nameFilter) filters: { name?: string }) {
    return this.stages.list(undefined, { ...query, ...filters });
  }

  @Get(':id')
  @RequireSuperuser()
  retrieve(@Param('id', UuidPipe) id: string) {
    return this.stages.get(undefined, id);
  }

  @Get(':id/used_by')
  @RequireSuperuser()
  @ApiOkResponse({ schema: usedByDoc })
  usedBy(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.references.of(StageEntity, actor.principal, this.stages.get(undefined, id));
  }

  @Delete(':id')
  @RequireSuperuser()
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    await this.stages.delete(actor, undefined, id);
  }
}
