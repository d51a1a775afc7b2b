import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { paginate, type ListQuery, type Paginated, type Principal } from '@authmesh/http';
import { NotFoundError, ValidationFailedError } from '@authmesh/runtime';
import type { Actor } from '../audit/actor.js';
import { EventPublisher, type ModelRef } from '../audit/event-publisher.js';
import { ownerScope, type OwnerFilter } from '../common/owner-filter.js';
import { CORE_OPTIONS } from '../core.tokens.js';
import type { CoreOptions } from '../core.options.js';
import { UserRepository } from '../users/user.repository.js';
import { DeviceEntity, type DeviceType } from './device.entity.js';
import type { DeviceRead } from './device.dto.js';
import { DeviceRepository } from './device.repository.js';

const PERIOD_SECONDS = 30;
/** Codes one step before or after the current one are accepted (clock drift). */
const WINDOW = 1;
const STATIC_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A WebAuthn credential as the executor verified it (base64url fields). */
export interface WebauthnKeyInput {
  credential_id: string;
  public_key: string;
  sign_count: number | string;
  transports: string[];
}

const VERBOSE: Record<DeviceType, [string, string]> = {
  totp: ['TOTP Device', 'authentik_stages_authenticator_totp.totpdevice'],
  static: ['Static Device', 'authentik_stages_authenticator_static.staticdevice'],
  webauthn: ['WebAuthn Device', 'authentik_stages_authenticator_webauthn.webauthndevice'],
  sms: ['SMS Device', 'authentik_stages_authenticator_sms.smsdevice'],
  duo: ['Duo Device', 'authentik_stages_authenticator_duo.duodevice'],
};

/**
 * Authenticator devices: enrollment and verification for the flow executor, listing,
 * renaming and removal for their owners and administrators.
 */
@Injectable()
export class DeviceService {
  constructor(
    private readonly devices: DeviceRepository,
    private readonly users: UserRepository,
    private readonly events: EventPublisher,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async enrollTotp(
    userId: number,
    name: string,
    digits: number,
    issuer: string,
  ): Promise<{ device: DeviceEntity; secret: string; url: string }> {
    const user = await this.requireUser(userId);
    await this.devices.deleteUnconfirmed(userId, 'totp');
    const secret = new Secret({ size: 20 });
    const device = await this.devices.save(
      Object.assign(new DeviceEntity(), {
        userId,
        type: 'totp' as const,
        name: name || 'TOTP device',
        secretSealed: this.options.secretBox.seal(secret.base32),
        data: { digits: digits === 8 ? 8 : 6, period: PERIOD_SECONDS },
      }),
    );
    const totp = new TOTP({
      issuer: issuer || 'authmesh',
      label: user.username,
      secret,
      digits: digits === 8 ? 8 : 6,
      period: PERIOD_SECONDS,
    });
    return { device, secret: secret.base32, url: totp.toString() };
  }

  async enrollStatic(userId: number, name: string, count: number, length: number): Promise<{ device: DeviceEntity; tokens: string[] }> {
    await this.requireUser(userId);
    await this.devices.deleteUnconfirmed(userId, 'static');
    const tokens = Array.from({ length: Math.min(Math.max(count, 1), 100) }, () => randomCode(Math.min(Math.max(length, 6), 64)));
    const device = await this.devices.save(
      Object.assign(new DeviceEntity(), {
        userId,
        type: 'static' as const,
        name: name || 'Static tokens',
        data: { tokens: tokens.map((t) => this.options.secretBox.digest(t)) },
      }),
    );
    return { device, tokens };
  }

  /** Records an SMS device whose number the executor just verified with a code. */
  async enrollSms(userId: number, name: string, phone: string, hashNumber: boolean, stagePk: string): Promise<DeviceEntity> {
    await this.requireUser(userId);
    if (!/^\+[1-9]\d{6,14}$/.test(phone))
      throw ValidationFailedError.field('phone_number', 'Use the international format, e.g. +4915112345678.');
    // One number, one account: a number already behind a device (kept whole or as a hash) is refused.
    if (await this.devices.phoneInUse(phone, this.options.secretBox.digest(phone)))
      throw ValidationFailedError.field('phone_number', 'This phone number cannot be used.');
    const device = await this.devices.save(
      Object.assign(new DeviceEntity(), {
        userId,
        type: 'sms' as const,
        name: name || 'SMS device',
        confirmed: true,
        data: { stage: stagePk, ...(hashNumber ? { phone_hash: this.options.secretBox.digest(phone) } : { phone_number: phone }) },
      }),
    );
    await this.events.emit('model_created', null, { model: ref(device) });
    return device;
  }

  /** Records a Duo device once the user activated Duo Mobile for it, or an administrator imported it (`actor`). */
  async enrollDuo(userId: number, name: string, duoUserId: string, stagePk: string, actor: Actor | null = null): Promise<DeviceEntity> {
    await this.requireUser(userId);
    if (!/^[A-Za-z0-9]{1,64}$/.test(duoUserId)) throw ValidationFailedError.field('duo_user_id', 'Not a Duo user id.');
    const device = await this.devices.save(
      Object.assign(new DeviceEntity(), {
        userId,
        type: 'duo' as const,
        name: name || 'Duo device',
        confirmed: true,
        data: { stage: stagePk, duo_user_id: duoUserId },
      }),
    );
    await this.events.emit('model_created', actor, { model: ref(device) });
    return device;
  }

  /** Whether the user already has a Duo device that pushes to this Duo user. */
  async hasDuo(userId: number, duoUserId: string): Promise<boolean> {
    return (await this.devices.findDuo(userId, duoUserId)) !== null;
  }

  /** Holds other Duo imports back until the caller's transaction ends (call it inside one). */
  lockDuoImports(): Promise<void> {
    return this.devices.lockDuoImports();
  }

  /** Records a WebAuthn device whose registration the executor just verified. */
  async enrollWebauthn(userId: number, name: string, key: WebauthnKeyInput, aaguid: string, stagePk: string): Promise<DeviceEntity> {
    await this.requireUser(userId);
    if (!BASE64URL.test(key.credential_id) || key.credential_id.length > 1400)
      throw ValidationFailedError.field('credential_id', 'Not a WebAuthn credential id.');
    if (!BASE64URL.test(key.public_key) || key.public_key.length > 4096)
      throw ValidationFailedError.field('public_key', 'Not a COSE public key.');
    if (await this.devices.findByCredentialId(key.credential_id))
      throw ValidationFailedError.field('credential_id', 'This authenticator is already registered.');
    const device = await this.devices.save(
      Object.assign(new DeviceEntity(), {
        userId,
        type: 'webauthn' as const,
        name: name || 'WebAuthn device',
        confirmed: true,
        credentialId: key.credential_id,
        signCount: String(Math.max(0, Number(key.sign_count) || 0)),
        data: {
          stage: stagePk,
          public_key: key.public_key,
          transports: key.transports.filter((t) => /^[a-z-]{1,32}$/.test(t)).slice(0, 8),
          aaguid: /^[0-9a-f-]{36}$/i.test(aaguid) ? aaguid.toLowerCase() : '00000000-0000-0000-0000-000000000000',
        },
      }),
    );
    await this.events.emit('model_created', null, { model: ref(device) });
    return device;
  }

  /** The confirmed WebAuthn device holding a credential, or null. */
  findWebauthnCredential(credentialId: string): Promise<DeviceEntity | null> {
    return BASE64URL.test(credentialId) ? this.devices.findByCredentialId(credentialId) : Promise.resolve(null);
  }

  /** Records a verified assertion of the user's WebAuthn device; false when the counter went backwards. */
  async useWebauthn(userId: number, deviceId: string, signCount: number): Promise<boolean> {
    const device = await this.devices.findById(deviceId);
    if (!device || device.userId !== userId || device.type !== 'webauthn' || !device.confirmed) return false;
    const used = await this.devices.advanceSignCount(device.id, Math.max(0, signCount));
    if (!used) {
      await this.events.emit('suspicious_request', null, {
        reason: 'WebAuthn signature counter did not increase; the authenticator may be cloned',
        model: ref(device),
      });
    }
    return used;
  }

  async touch(userId: number, deviceId: string): Promise<void> {
    const device = await this.devices.findById(deviceId);
    if (!device || device.userId !== userId) return;
    device.lastUsed = new Date();
    await this.devices.save(device);
  }

  /** Finishes enrollment; a TOTP device needs a valid first code. */
  async confirm(userId: number, deviceId: string, code: string): Promise<DeviceEntity | null> {
    const device = await this.devices.findById(deviceId);
    if (!device || device.userId !== userId || device.confirmed) return null;
    if (device.type === 'totp' && !(await this.acceptTotp(device, code))) return null;
    device.confirmed = true;
    const saved = await this.devices.save(device);
    await this.events.emit('model_created', null, { model: ref(saved) });
    return saved;
  }

  /** Checks a code against the user's confirmed devices of the allowed types. */
  async verify(userId: number, code: string, types: string[]): Promise<DeviceEntity | null> {
    const trimmed = code.replace(/\s+/g, '');
    if (trimmed.length === 0 || trimmed.length > 64) return null;
    for (const device of await this.devices.ofUser(userId)) {
      if (!device.confirmed || !types.includes(device.type)) continue;
      if (device.type === 'totp' && (await this.acceptTotp(device, trimmed))) return device;
      if (device.type === 'static' && (await this.devices.useStaticCode(device.id, this.options.secretBox.digest(trimmed)))) return device;
    }
    return null;
  }

  ofUser(userId: number): Promise<DeviceEntity[]> {
    return this.devices.ofUser(userId);
  }

  /** Own devices, or (admin lists, superusers) everyone's or one user's (`filter.user`). */
  async list(
    principal: Principal,
    type: DeviceType | undefined,
    query: ListQuery,
    admin: boolean,
    filter: OwnerFilter = {},
  ): Promise<Paginated<DeviceRead>> {
    const userId = ownerScope(admin && principal.user.isSuperuser, principal.user.pk, filter);
    if (userId === null) return paginate([], 0, query);
    const [rows, count] = await this.devices.list({ userId, type }, query);
    return paginate(rows.map(serializeDevice), count, query);
  }

  async get(principal: Principal, id: string, type?: DeviceType): Promise<DeviceRead> {
    return serializeDevice(await this.visible(principal, id, type));
  }

  async rename(actor: Actor, principal: Principal, id: string, name: string, type?: DeviceType): Promise<DeviceRead> {
    const device = await this.visible(principal, id, type);
    device.name = name;
    const saved = await this.devices.save(device);
    await this.events.modelUpdated(actor, ref(saved));
    return serializeDevice(saved);
  }

  async delete(actor: Actor, principal: Principal, id: string, type?: DeviceType): Promise<void> {
    const device = await this.visible(principal, id, type);
    await this.devices.delete(device.id);
    await this.events.modelDeleted(actor, ref(device));
  }

  private async acceptTotp(device: DeviceEntity, code: string): Promise<boolean> {
    if (!device.secretSealed || !/^\d{6,8}$/.test(code)) return false;
    const digits = Number(device.data.digits) === 8 ? 8 : 6;
    const totp = new TOTP({ secret: Secret.fromBase32(this.options.secretBox.open(device.secretSealed)), digits, period: PERIOD_SECONDS });
    const now = Date.now();
    const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
    if (delta === null) return false;
    // The step this code belongs to must be newer than the last one accepted: no replays.
    return this.devices.advanceStep(device.id, Math.floor(now / 1000 / PERIOD_SECONDS) + delta);
  }

  private async visible(principal: Principal, id: string, type?: DeviceType): Promise<DeviceEntity> {
    const device = await this.devices.findById(id);
    const mine = device && String(device.userId) === principal.user.pk;
    if (!device || (type && device.type !== type) || (!mine && !principal.user.isSuperuser)) throw new NotFoundError();
    return device;
  }

  private async requireUser(userId: number) {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('user not found');
    if (!user.isActive) throw ValidationFailedError.field('user', 'inactive');
    return user;
  }
}

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += STATIC_ALPHABET[randomInt(STATIC_ALPHABET.length)];
  return code;
}

export function serializeDevice(d: DeviceEntity): DeviceRead {
  const [verbose, model] = VERBOSE[d.type];
  return {
    pk: d.id,
    name: d.name,
    type: d.type,
    verbose_name: verbose,
    meta_model_name: model,
    confirmed: d.confirmed,
    created: d.created.toISOString(),
    last_used: d.lastUsed?.toISOString() ?? null,
    user: d.userId,
  };
}

function ref(d: DeviceEntity): ModelRef {
  const [app, model] = VERBOSE[d.type][1].split('.');
  return { app, model_name: model, pk: d.id, name: d.name };
}
