import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { listQuerySchema, openApiSchema, paginatedSchema, RequireSuperuser, ZodQuery, type ListQuery } from '@authmesh/http';
import { taskListQuerySchema, taskReadSchema, taskRunAcceptedSchema, type TaskListFilters } from './system-task.dto.js';
import { SystemTaskService } from './system-task.service.js';

const taskDoc = openApiSchema(taskReadSchema, 'output');

/** The background tasks of every service: their last runs, and running one now. */
@ApiTags('admin')
@Controller('api/v3/admin/system_tasks')
@RequireSuperuser()
export class SystemTaskController {
  constructor(private readonly tasks: SystemTaskService) {}

  @Get()
  @ApiOkResponse({ schema: paginatedSchema(taskDoc) })
  list(@ZodQuery(listQuerySchema) query: ListQuery, @ZodQuery(taskListQuerySchema) filters: TaskListFilters) {
    return this.tasks.list(filters, query);
  }

  @Get(':uid')
  @ApiOkResponse({ schema: taskDoc })
  retrieve(@Param('uid') uid: string) {
    return this.tasks.get(uid);
  }

  @Post(':uid/run')
  @HttpCode(202)
  @ApiAcceptedResponse({ schema: openApiSchema(taskRunAcceptedSchema, 'output') })
  run(@Param('uid') uid: string) {
    return this.tasks.requestRun(uid);
  }
}
