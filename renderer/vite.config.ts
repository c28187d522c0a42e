import { defineConfig } from 'vite';

// The renderer is served from renderer/ and built to renderer/dist; relative base so Electron can load it
// from file:// and the CLI can serve it from any folder.
export default defineConfig({
  root: __dirname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5174, strictPort: false },
});
