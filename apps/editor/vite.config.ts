import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const lib = (name: string, entry = 'index') =>
  fileURLToPath(new URL(`../../libs/${name}/src/${entry}.ts`, import.meta.url));

// The editor imports the libraries' sources, so the validation it shows is the very code the API runs.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // the channels library's browser entry: its Node-only providers never reach the bundle
    alias: [
      { find: /^@clinicflow\/rules$/, replacement: lib('rules') },
      { find: /^@clinicflow\/channels\/browser$/, replacement: lib('channels', 'browser') },
      { find: /^@clinicflow\/channels$/, replacement: lib('channels') },
      { find: /^@clinicflow\/contract$/, replacement: lib('contract') },
    ],
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
