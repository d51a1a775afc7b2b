import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fakeFetch, fakeServer } from './fake-server';

// Installed before any module under test is imported, so the generated client uses it.
globalThis.fetch = fakeFetch;

afterEach(() => {
  cleanup();
  fakeServer.reset();
  window.localStorage.clear();
});
