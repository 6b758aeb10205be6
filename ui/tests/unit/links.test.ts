// @vitest-environment jsdom
// Links never navigate the WebView: external ones are handed to the shell's open_link.
import { describe, expect, it, vi } from 'vitest';

const openLink = vi.fn(async (url: string) => {
  if (!url.startsWith('https:')) throw Object.assign(new Error('refused'), { code: 'link-not-allowed' });
  return null;
});

vi.mock('../../src/backend', async () => {
  const ipc = await import('../../src/backend/ipc');
  return {
    BackendError: ipc.BackendError,
    api: {
      openLink: async (url: string) => {
        try {
          return await openLink(url);
        } catch {
          throw new ipc.BackendError('link-not-allowed', `このリンク(${url})は開けません。`);
        }
      },
    },
  };
});

const { externalHref, interceptLinkClick, links } = await import('../../src/lib/links.svelte');

function anchor(html: string): HTMLAnchorElement {
  document.body.innerHTML = html;
  return document.querySelector('a')!;
}

function click(el: Element): MouseEvent {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  el.dispatchEvent(e);
  return e;
}

describe('external links', () => {
  it('tells in-app routes and downloads from links that leave the app', () => {
    expect(externalHref(anchor('<a href="#/today">t</a>'))).toBeNull();
    expect(externalHref(anchor('<a>t</a>'))).toBeNull();
    expect(externalHref(anchor('<a href="blob:x" download="f.json">t</a>'))).toBeNull();
    expect(externalHref(anchor('<a href="https://example.jp/x">t</a>'))).toBe('https://example.jp/x');
    expect(externalHref(anchor('<a href="tel:%238000">t</a>'))).toBe('tel:%238000');
    expect(externalHref(anchor('<a href="page.html">t</a>'))).toBe('page.html');
  });

  it('hands a click to open_link instead of navigating, and shows a refusal', async () => {
    document.addEventListener('click', interceptLinkClick);
    const a = anchor('<div class="prose"><p><a href="https://example.jp/x" target="_blank"><strong>town</strong></a></p></div>');
    const e = click(a.querySelector('strong')!);
    expect(e.defaultPrevented).toBe(true);
    expect(openLink).toHaveBeenLastCalledWith('https://example.jp/x');
    await vi.waitFor(() => expect(links.error).toBe(''));

    const refused = click(anchor('<a href="http://example.jp/x">x</a>'));
    expect(refused.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(links.error).toBe('このリンク(http://example.jp/x)は開けません。'));

    const route = click(anchor('<a href="#/town">town</a>'));
    expect(route.defaultPrevented).toBe(false);
    expect(openLink).toHaveBeenCalledTimes(2);
    document.removeEventListener('click', interceptLinkClick);
  });
});
