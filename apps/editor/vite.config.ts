import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

// The editor imports the libraries' sources, so the validation it shows is the very code the API runs.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@clinicflow/rules': lib('rules'), '@clinicflow/channels': lib('channels') },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
