import { defineConfig } from 'vite';

// The build lands in the Maven module's classes, where weft server serves it from the classpath.
// `npm run dev` proxies the API to a weft server on 2746 (start one with --insecure-no-auth).
const api = process.env.WEFT_API ?? 'http://127.0.0.1:2746';

export default defineConfig({
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'target/classes/dev/weft/ui/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/artifact-files': { target: api },
      '/login': { target: api },
      '/logout': { target: api },
    },
  },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' },
});
