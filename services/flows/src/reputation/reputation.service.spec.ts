import { memoryReputation } from '../../test/stage-context.js';

const IP = '198.51.100.23';

describe('ReputationService', () => {
  it('charges one point against the username and the address, and answers the new scores', async () => {
    const { service } = memoryReputation();
    expect(await service.charge('alice', IP)).toEqual({ username: -1, ip: -1 });
    expect(await service.charge('alice', IP)).toEqual({ username: -2, ip: -2 });
    expect(await service.scoreOf('username', 'alice')).toBe(-2);
    expect(await service.scoreOf('ip', IP)).toBe(-2);
  });

  it('refunds a charged attempt that succeeded and credits one point', async () => {
    const { service } = memoryReputation();
    await service.charge('alice', IP);
    await service.succeeded('alice', IP);
    expect(await service.scoreOf('username', 'alice')).toBe(1);
    expect(await service.scoreOf('ip', IP)).toBe(1);
  });

  it('keeps usernames apart from addresses with the same text', async () => {
    const { service } = memoryReputation();
    await service.charge('198.51.100.23', '');
    expect(await service.scoreOf('username', '198.51.100.23')).toBe(-1);
    expect(await service.scoreOf('ip', '198.51.100.23')).toBe(0);
  });

  it('counts a username however it is written: case and surrounding spaces do not matter', async () => {
    const { service } = memoryReputation();
    await service.charge('Alice', IP);
    await service.charge('  ALICE\t', IP);
    expect(await service.scoreOf('username', 'alice')).toBe(-2);
    expect(await service.scoreOf('username', ' aLiCe ')).toBe(-2);
  });

  it('counts very long usernames by their first 255 characters', async () => {
    const { service, repository } = memoryReputation();
    await service.charge(`${'a'.repeat(255)}-one`, IP);
    await service.charge(`${'a'.repeat(255)}-two`, IP);
    expect(await service.scoreOf('username', 'a'.repeat(255))).toBe(-2);
    expect([...repository.scores.keys()].every((key) => key.length <= 'username:'.length + 255)).toBe(true);
  });

  it('charges and credits no address when there is none', async () => {
    const { service, repository } = memoryReputation();
    expect(await service.charge('alice', '')).toEqual({ username: -1, ip: 0 });
    await service.succeeded('alice', '');
    expect([...repository.scores.keys()]).toEqual(['username:alice']);
  });

  it('keeps the address exactly as given', async () => {
    const { service } = memoryReputation();
    await service.charge('alice', '2001:DB8::1');
    expect(await service.scoreOf('ip', '2001:DB8::1')).toBe(-1);
    expect(await service.scoreOf('ip', '2001:db8::1')).toBe(0);
  });

  it('answers 0 for a name or address never seen', async () => {
    const { service } = memoryReputation();
    expect(await service.scoreOf('username', 'nobody')).toBe(0);
    expect(await service.scoreOf('ip', '192.0.2.1')).toBe(0);
  });
});
