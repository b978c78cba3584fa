/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` proxies the API to a `dichtbij serve` on DICHTBIJ_API
// (default http://127.0.0.1:8080), so the session cookie stays same-origin.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // The ecomap and the charts are loaded only on the pages that draw
    // them; the first page needs neither.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.DICHTBIJ_API ?? 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
