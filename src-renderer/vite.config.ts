import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Relative base: the same build loads from file:// in Electron and from the core's HTTP server in browser mode.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../build/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The staff web (src-renderer/admin/) is a second entry, served by the settlement server at /admin/;
    // the customer display (display.html) a third, served by the core next to the till's page.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        admin: fileURLToPath(new URL('admin/index.html', import.meta.url)),
        display: fileURLToPath(new URL('display.html', import.meta.url)),
      },
    },
  },
});
