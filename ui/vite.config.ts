/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The UI strings live beside the shell's, in ../locales: let the dev server read them.
const locales = fileURLToPath(new URL('../locales', import.meta.url));

export default defineConfig({
  plugins: [svelte()],
  // Relative asset paths work both from Tauri's custom protocol and a plain static server.
  base: './',
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    fs: { allow: ['.', locales] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2022', 'chrome111', 'safari16'],
    // No inline scripts: the CSP is script-src 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
  },
});
