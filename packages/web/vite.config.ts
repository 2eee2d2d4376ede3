import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths are resolved against this folder, whichever directory the build is started from.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // County offices still run Chromium-86-based browsers (360, QQ); keep the output readable to them.
    target: ['es2020', 'chrome86', 'edge88', 'firefox78', 'safari14'],
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // One cached vendor chunk (React, antd, dayjs); pages are split per feature by lazy routes.
        // ECharts and exceljs stay out of it: only the statistics pages load them (exceljs on export).
        manualChunks: (id) =>
          id.includes('node_modules') && !/node_modules\/(echarts|zrender|exceljs)\//.test(id)
            ? 'vendor'
            : undefined,
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false, proxy: apiProxy },
  preview: { host: '127.0.0.1', port: 4173, proxy: apiProxy },
});
