// Links that leave the app (in message, notice and event bodies, contacts, event buttons) never
// navigate the WebView: the shell opens them in the system browser (`open_link`), and refuses
// anything but https, mailto and tel with a message shown here.
import { api } from '../backend';
import { errorMessage } from './errors';

class LinkState {
  /** The shell's message when it refused (or failed) to open the last link; '' otherwise. */
  error = $state('');
}

export const links = new LinkState();

/** Asks the shell to open `url` outside the app; a refusal is shown, never thrown. */
export async function openExternal(url: string): Promise<boolean> {
  links.error = '';
  try {
    await api.openLink(url);
    return true;
  } catch (e) {
    links.error = errorMessage(e);
    return false;
  }
}

/**
 * The address of a link the app must not follow itself: anything with a scheme (https:, tel:,
 * javascript:, ...) except the app's own `blob:` downloads. In-app `#/...` routes, and anchors
 * without an address, are left alone.
 */
export function externalHref(a: HTMLAnchorElement): string | null {
  if (a.hasAttribute('download')) return null;
  const href = a.getAttribute('href')?.trim();
  if (!href || href.startsWith('#')) return null;
  if (/^blob:/i.test(href)) return null;
  // Relative addresses would load another page into the WebView: hand them over too (refused).
  return href;
}

/** Document-wide click handler: intercepts clicks on external links, wherever they are. */
export function interceptLinkClick(e: MouseEvent): void {
  if (e.defaultPrevented) return;
  const target = e.target instanceof Element ? e.target : (e.target as Node | null)?.parentElement;
  const a = target?.closest('a');
  if (!a) return;
  const href = externalHref(a);
  if (href === null) return;
  e.preventDefault();
  void openExternal(href);
}

/** Middle-click and the like must not open a window either. */
export function interceptAuxClick(e: MouseEvent): void {
  const target = e.target instanceof Element ? e.target : null;
  const a = target?.closest('a');
  if (a && externalHref(a) !== null) e.preventDefault();
}
