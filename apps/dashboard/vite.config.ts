import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API under /dashboard (apps/api/src/plugins/dashboard.ts), so every
// asset URL is built under that prefix. `vite dev` proxies the API to port 4000.
export default defineConfig({
  base: '/dashboard/',
  plugins: [react()],
  // One React and one TanStack Query, whether imported here or by the SDK's hooks:
  // two copies would each have their own context, and the hooks would find no provider.
  resolve: { dedupe: ['react', 'react-dom', '@tanstack/react-query'] },
  build: {
    outDir: 'dist',
    // Nothing is loaded from elsewhere at run time: no CDN, font or analytics host.
    assetsInlineLimit: 0,
    // The charts chunk (echarts, about 190 kB gzipped) loads only with a view that draws one.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/graphql': process.env['ZONEGRAPH_API_ORIGIN'] ?? 'http://localhost:4000' },
  },
});
