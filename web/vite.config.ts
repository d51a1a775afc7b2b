import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The gateway serves the build: index.html for /if/flow/<slug>/, /if/user/ and /if/admin/,
// and the hashed assets under /static/dist/ (see docs/web.md).
export default defineConfig({
  base: '/static/dist/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // One HTML page; no inline scripts, so the CSP can forbid them.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    // Forms typed into key by key take seconds on a loaded two-core CI machine; time is never asserted.
    testTimeout: 20_000,
  },
});
