import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { parseCookies, RequireSuperuser } from '@authmesh/http';
import { FLOWS_OPTIONS } from '../flows.tokens.js';
import type { FlowsOptions } from '../flows.options.js';
import { FLOW_COOKIE } from './flow-run.js';

/** The flow inspector: the caller's own execution of a flow (plan, current stage, context), for administrators. */
@ApiTags('flows')
@Controller('api/v3/flows/inspector')
@RequireSuperuser()
export class InspectorController {
  constructor(@Inject(FLOWS_OPTIONS) private readonly options: FlowsOptions) {}

  @Get(':slug')
  inspect(@Param('slug') slug: string, @Req() request: Request) {
    return this.options.executor.inspect(slug, parseCookies(request.headers.cookie).get(FLOW_COOKIE));
  }
}
