import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseCookies, Public, requestContext, requestOrigin, serializeCookie, SESSION_COOKIE } from '@authmesh/http';
import { FLOWS_OPTIONS } from '../flows.tokens.js';
import type { FlowsOptions } from '../flows.options.js';
import { FLOW_COOKIE, type ExecutorResponse } from './flow-run.js';

/** A challenge as the OpenAPI document describes it: the common fields; each stage adds its own. */
const CHALLENGE_SCHEMA = {
  type: 'object',
  required: ['type', 'component'],
  additionalProperties: true,
  properties: {
    type: { type: 'string', enum: ['native', 'redirect'] },
    component: { type: 'string' },
    to: { type: 'string' },
    flow_info: {
      type: 'object',
      properties: { title: { type: 'string' }, background: { type: 'string' }, cancel_url: { type: 'string' }, layout: { type: 'string' } },
    },
    response_errors: {
      type: 'object',
      additionalProperties: {
        type: 'array',
        items: { type: 'object', required: ['string', 'code'], properties: { string: { type: 'string' }, code: { type: 'string' } } },
      },
    },
  },
};
const QUERY_DOC = { name: 'query', required: false, type: String, description: 'The query string the flow was opened with' };

/** The challenge protocol: `GET` shows the current stage, `POST` answers it. */
@ApiTags('flows')
@Controller('api/v3/flows/executor')
@Public()
export class ExecutorController {
  constructor(@Inject(FLOWS_OPTIONS) private readonly options: FlowsOptions) {}

  @Get(':slug')
  @ApiQuery(QUERY_DOC)
  @ApiOkResponse({ description: 'The current challenge', schema: CHALLENGE_SCHEMA })
  async get(@Param('slug') slug: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    send(response, await this.options.executor.execute(executorRequest(slug, 'GET', request)), isSecure(request));
  }

  @Post(':slug')
  @ApiQuery(QUERY_DOC)
  @ApiBody({
    description: "The answer to the current challenge; its fields are the stage's",
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiResponse({ status: 200, description: 'The same challenge with response_errors', schema: CHALLENGE_SCHEMA })
  @ApiResponse({ status: 302, description: 'Accepted: GET the executor again for the next challenge' })
  async post(@Param('slug') slug: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    send(response, await this.options.executor.execute(executorRequest(slug, 'POST', request)), isSecure(request));
  }
}

function executorRequest(slug: string, method: 'GET' | 'POST', request: Request) {
  const cookies = parseCookies(request.headers.cookie);
  const query = typeof request.query.query === 'string' ? request.query.query.slice(0, 4000) : '';
  return {
    slug,
    method,
    body: request.body as unknown,
    cookies,
    flowKey: cookies.get(FLOW_COOKIE),
    sessionKey: cookies.get(SESSION_COOKIE),
    secure: isSecure(request),
    clientIp: requestContext(request).clientIp,
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500),
    host: String(request.headers.host ?? '').slice(0, 255),
    path: request.path,
    query,
  };
}

/** Whether the browser talks to us over HTTPS (the gateway sets this header from the connection or a trusted proxy). */
export function isSecure(request: Request): boolean {
  return requestOrigin(request).scheme === 'https';
}

/** Writes an executor answer: cookies first, then the challenge or the redirect. */
export function send(response: Response, answer: ExecutorResponse, secure: boolean): void {
  response.setHeader(
    'Set-Cookie',
    answer.cookies.map((c) =>
      serializeCookie(c.name, c.value, { httpOnly: c.httpOnly, maxAgeSeconds: c.maxAgeSeconds, secure, sameSite: 'Lax' }),
    ),
  );
  response.setHeader('Cache-Control', 'no-store');
  if (answer.status === 302 && answer.location) {
    response.redirect(302, answer.location);
    return;
  }
  response.status(answer.status).json(answer.body);
}
