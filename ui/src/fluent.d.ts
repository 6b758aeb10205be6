// `import x from '….ftl?fluent'` (vite.config.ts): the JSON text of the file's parsed messages.
declare module '*.ftl?fluent' {
  const parsed: string;
  export default parsed;
}
