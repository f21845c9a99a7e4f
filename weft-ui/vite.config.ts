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
    // The server checks Host (and Origin on state-changing requests), so the proxy presents the
    // API's own address for both.
    proxy: Object.fromEntries(
      ['/api', '/artifact-files', '/login', '/logout'].map((path) => [
        path,
        {
          target: api,
          changeOrigin: true,
          // the login page itself is the app's: only the form's POST goes to the server
          bypass: (req: { method?: string }) => (req.method === 'GET' && path === '/login' ? '/index.html' : undefined),
          configure: (proxy: { on: (e: string, f: (req: { setHeader: (k: string, v: string) => void; getHeader: (k: string) => unknown }) => void) => void }) =>
            proxy.on('proxyReq', (req) => {
              if (req.getHeader('origin')) req.setHeader('origin', api);
            }),
        },
      ]),
    ),
  },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' },
});
