import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the dashboard into dist/web, served by src/dashboard at `/`; `npm run build` runs it after nest build (which empties dist). */
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'dashboard-assets',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: { manualChunks: (id) => (id.includes('node_modules/echarts') || id.includes('node_modules/zrender') ? 'charts' : undefined) },
    },
  },
  server: {
    proxy: { '/graphql': 'http://localhost:3000', '/ingest': 'http://localhost:3000', '/reports': 'http://localhost:3000' },
  },
});
