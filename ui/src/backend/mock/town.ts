// What the shell lets out of the app (docs/ipc.md, `open_link`): https, mailto and tel links.
// The town's overlays and events themselves come from the fixtures (./fixtures.ts).

/** Links `open_link` accepts. */
export function isAllowedLink(url: string): boolean {
  return /^(https:\/\/[^\s/]+|mailto:\S+|tel:\S+)/i.test(url.trim());
}
