import { defineConfig } from 'vitest/config';

// The server (ASP.NET Core) listens on :5000 in development; the dev server forwards to it so the
// client uses same-origin paths everywhere.
const SERVER = 'http://localhost:5000';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/hubs': { target: SERVER, ws: true },
      '/health': SERVER,
      '/ready': SERVER,
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Vitest blanks CSS modules by default; src/styles.test.ts reads the real stylesheet.
    css: { include: [/styles\.css/] },
  },
});
