import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseCookies, Public, requestContext, SESSION_COOKIE } from '@authmesh/http';
import { isSecure } from './executor.controller.js';
import { GrpcStatus, RpcCallError } from '@authmesh/rpc';
import { FLOWS_OPTIONS } from '../flows.tokens.js';
import type { FlowsOptions } from '../flows.options.js';
import { FLOW_COOKIE } from './flow-run.js';

const DESIGNATIONS = new Set(['authentication', 'invalidation', 'recovery', 'unenrollment']);

/** Links people and apps use: the brand's default flows and cancel. */
@ApiTags('flows')
@Controller('flows/-')
@Public()
export class FlowHelpersController {
  constructor(@Inject(FLOWS_OPTIONS) private readonly options: FlowsOptions) {}

  /** Forgets this browser's flow executions and returns to the start. */
  @Get('cancel')
  async cancel(@Req() request: Request, @Res() response: Response): Promise<void> {
    const cookies = parseCookies(request.headers.cookie);
    await this.options.executor.cancel(cookies.get(FLOW_COOKIE), {
      clientIp: requestContext(request).clientIp,
      userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500),
      host: String(request.headers.host ?? '').slice(0, 255),
      secure: isSecure(request),
      sessionKey: cookies.get(SESSION_COOKIE) ?? null,
      cookies,
    });
    response.redirect(302, '/');
  }

  /** Sends the browser to the brand's flow of a designation, keeping the query (e.g. `next`). */
  @Get('default/:designation')
  async default(@Param('designation') designation: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!DESIGNATIONS.has(designation)) {
      response.status(404).json({ detail: 'Not found.' });
      return;
    }
    try {
      const slug = await this.options.config.getDefaultFlow(designation, String(request.headers.host ?? '').split(':')[0]);
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      response.redirect(302, `/if/flow/${slug}/${query}`);
    } catch (error) {
      if (error instanceof RpcCallError && error.status === GrpcStatus.NOT_FOUND) {
        response.status(404).json({ detail: `No ${designation} flow is configured.` });
        return;
      }
      throw error;
    }
  }
}
