import { Injectable } from '@nestjs/common';
import type { Logger } from '@authmesh/logger';
import {
  unary,
  type ConfirmDeviceRequest__Output,
  type EnrollDuoRequest__Output,
  type EnrollSmsRequest__Output,
  type EnrollStaticRequest__Output,
  type EnrollTotpRequest__Output,
  type EnrollWebauthnRequest__Output,
  type UseWebauthnDeviceRequest__Output,
  type VerifyDeviceCodeRequest__Output,
} from '@authmesh/rpc';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { DeviceEntity } from './device.entity.js';
import { DeviceService } from './device.service.js';

function userId(pk: string): number {
  if (!/^\d{1,10}$/.test(pk)) throw new NotFoundError('user not found');
  return Number(pk);
}

/** The IdentityService methods about authenticator devices (registered with the rest of IdentityService). */
@Injectable()
export class DeviceRpc {
  constructor(private readonly devices: DeviceService) {}

  handlers(logger: Logger) {
    return {
      ListDevices: unary(logger, async (req: { user_pk: string }) => ({
        devices: (await this.devices.ofUser(userId(req.user_pk))).map(deviceMessage),
      })),
      EnrollTotp: unary(logger, async (req: EnrollTotpRequest__Output) => {
        const { device, secret, url } = await this.devices.enrollTotp(userId(req.user_pk), req.name, req.digits, req.issuer);
        return { device_pk: device.id, secret, config_url: url };
      }),
      EnrollStatic: unary(logger, async (req: EnrollStaticRequest__Output) => {
        const { device, tokens } = await this.devices.enrollStatic(userId(req.user_pk), req.name, req.token_count, req.token_length);
        return { device_pk: device.id, tokens };
      }),
      ConfirmDevice: unary(logger, async (req: ConfirmDeviceRequest__Output) => {
        const device = /^[0-9a-f-]{36}$/i.test(req.device_pk)
          ? await this.devices.confirm(userId(req.user_pk), req.device_pk, req.code)
          : null;
        return device ? { valid: true, device_pk: device.id, type: device.type } : { valid: false };
      }),
      EnrollSms: unary(logger, async (req: EnrollSmsRequest__Output) => ({
        device_pk: (await this.devices.enrollSms(userId(req.user_pk), req.name, req.phone_number, req.hash_phone_number, req.stage_pk)).id,
      })),
      EnrollDuo: unary(logger, async (req: EnrollDuoRequest__Output) => ({
        device_pk: (await this.devices.enrollDuo(userId(req.user_pk), req.name, req.duo_user_id, req.stage_pk)).id,
      })),
      EnrollWebauthn: unary(logger, async (req: EnrollWebauthnRequest__Output) => {
        if (!req.key) throw ValidationFailedError.field('key', 'This field is required.');
        const device = await this.devices.enrollWebauthn(userId(req.user_pk), req.name, req.key, req.aaguid, req.stage_pk);
        return { device_pk: device.id };
      }),
      FindWebauthnCredential: unary(logger, async (req: { credential_id: string }) => {
        const device = await this.devices.findWebauthnCredential(req.credential_id);
        if (!device) throw new NotFoundError('credential not found');
        return { user_pk: String(device.userId), device: deviceMessage(device) };
      }),
      UseWebauthnDevice: unary(logger, async (req: UseWebauthnDeviceRequest__Output) => ({
        valid: /^[0-9a-f-]{36}$/i.test(req.device_pk)
          ? await this.devices.useWebauthn(userId(req.user_pk), req.device_pk, Number(req.sign_count))
          : false,
      })),
      TouchDevice: unary(logger, async (req: { user_pk: string; device_pk: string }) => {
        if (/^[0-9a-f-]{36}$/i.test(req.device_pk)) await this.devices.touch(userId(req.user_pk), req.device_pk);
        return {};
      }),
      VerifyDeviceCode: unary(logger, async (req: VerifyDeviceCodeRequest__Output) => {
        const device = await this.devices.verify(userId(req.user_pk), req.code, req.types);
        return device ? { valid: true, device_pk: device.id, type: device.type } : { valid: false };
      }),
    };
  }
}

/** A device as the flow executor sees it: what it needs to use the device, no secrets. */
function deviceMessage(d: DeviceEntity) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    pk: d.id,
    type: d.type,
    name: d.name,
    confirmed: d.confirmed,
    phone_number: text(d.data.phone_number),
    stage_pk: text(d.data.stage),
    duo_user_id: text(d.data.duo_user_id),
    webauthn:
      d.type === 'webauthn'
        ? {
            credential_id: d.credentialId ?? '',
            public_key: text(d.data.public_key),
            sign_count: d.signCount,
            transports: Array.isArray(d.data.transports) ? (d.data.transports as string[]) : [],
          }
        : null,
  };
}
