/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentResource } from '@fluent/bundle';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The UI strings live beside the shell's, in ../locales: let the dev server read them.
const locales = fileURLToPath(new URL('../locales', import.meta.url));

/** The beginning of each message or term, as Fluent's own parser finds them. */
const ENTRY = /^-?[a-zA-Z][\w-]* *=/gm;

/**
 * `import x from './ui.ftl?fluent'`: the file's messages parsed here, at build time, by Fluent's
 * own parser, and shipped as the JSON text of the parsed resource, read on first use. The page
 * then never runs the parser (the busiest code of a start before), and a message the parser
 * cannot read fails the build instead of going missing.
 */
function fluentPrecompiled(): Plugin {
  return {
    name: 'tsunagu-fluent-precompiled',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'fluent') return null;
      const source = readFileSync(file, 'utf8');
      const resource = new FluentResource(source);
      const found = source.match(ENTRY) ?? [];
      if (resource.body.length !== found.length) {
        const read = new Set(resource.body.map((m) => m.id));
        const unread = found.map((e) => e.replace(/ *=$/, '')).filter((m) => !read.has(m));
        this.error(`${file}: Fluent cannot read ${unread.join(', ') || 'an entry'}`);
      }
      this.addWatchFile(file);
      return `export default ${JSON.stringify(JSON.stringify(resource.body))};`;
    },
  };
}

export default defineConfig({
  plugins: [svelte(), fluentPrecompiled()],
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
