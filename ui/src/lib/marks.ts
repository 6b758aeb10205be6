// The page's steps of a start, as performance marks that scripts/bench-app lines up with the
// shell's (docs/performance.md). Only the first of each is kept: later reloads are not a start.
export function markStart(step: string): void {
  const name = `tsunagu:${step}`;
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
