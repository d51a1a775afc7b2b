import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseCookies, Public, requestContext, serializeCookie, SESSION_COOKIE } from '@authmesh/http';
import { FLOWS_OPTIONS } from '../flows.tokens.js';
import type { FlowsOptions } from '../flows.options.js';
import { isSecure } from './executor.controller.js';
import { FLOW_COOKIE } from './flow-run.js';

/** `/device`: where a person enters the code a device shows (RFC 8628 verification URI). */
@ApiTags('flows')
@Controller('device')
@Public()
export class DeviceEntryController {
  constructor(@Inject(FLOWS_OPTIONS) private readonly options: FlowsOptions) {}

  @Get()
  @ApiQuery({ name: 'code', required: false, type: String, description: 'The user code, from verification_uri_complete' })
  @ApiResponse({ status: 302, description: 'To the login first, then to the device code flow' })
  async open(@Req() request: Request, @Res() response: Response): Promise<void> {
    const cookies = parseCookies(request.headers.cookie);
    const answer = await this.options.device.open({
      flowKey: cookies.get(FLOW_COOKIE) ?? '',
      sessionKey: cookies.get(SESSION_COOKIE) ?? '',
      clientIp: requestContext(request).clientIp,
      userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500),
      host: String(request.headers.host ?? '').slice(0, 255),
      code: typeof request.query.code === 'string' ? request.query.code : '',
    });
    if (answer.flowKey) {
      response.setHeader(
        'Set-Cookie',
        serializeCookie(FLOW_COOKIE, answer.flowKey, { httpOnly: true, secure: isSecure(request), sameSite: 'Lax' }),
      );
    }
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, answer.location);
  }
}
