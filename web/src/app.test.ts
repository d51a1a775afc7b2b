import { describe, expect, it } from 'vitest';
import { route } from './app';

describe('routes', () => {
  it('finds the interface of a path', () => {
    expect(route('/if/flow/default-authentication-flow/')).toEqual({ kind: 'flow', slug: 'default-authentication-flow' });
    expect(route('/if/flow/a%20b/')).toEqual({ kind: 'flow', slug: 'a b' });
    expect(route('/if/admin/')).toEqual({ kind: 'admin' });
    expect(route('/if/user/')).toEqual({ kind: 'user' });
  });
});
