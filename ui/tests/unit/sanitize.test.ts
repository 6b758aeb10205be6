// @vitest-environment jsdom
// Defence in depth before {@html}: what the allow-list builds from hostile bodies (under jsdom).
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/lib/sanitize';

describe('sanitize', () => {
  it('keeps paragraphs, emphasis, lists and safe links', () => {
    const html = '<p>a <strong>b</strong></p><ul><li>c</li></ul><p><a href="tel:%238000">#8000</a></p>';
    expect(sanitize(html)).toBe(html);
    expect(sanitize('<a href="https://example.org/x">x</a>')).toBe(
      '<a href="https://example.org/x" target="_blank" rel="noopener noreferrer">x</a>',
    );
  });

  it('drops scripts, handlers, styles and unsafe links', () => {
    const out = sanitize(
      '<p onclick="x()" style="color:red">t</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">j</a><a href="http://plain.example">h</a><iframe src="https://x"></iframe>',
    );
    expect(out).toBe('<p>t</p><a>j</a><a>h</a>');
  });

  it('keeps the text of unknown elements and drops what hides code, with its content', () => {
    expect(sanitize('<div><span class="x">a</span> <u>b</u></div><p>c<br>d</p>')).toBe('a b<p>c<br>d</p>');
    expect(sanitize('<svg><script>alert(1)</script><a href="https://x.example">s</a></svg><math><mi>m</mi></math>x')).toBe('x');
    expect(sanitize('<style>p{}</style><template><p>t</p></template><textarea><p>a</p></textarea><!-- c -->y')).toBe('y');
    expect(sanitize('<noscript><p title="</noscript><img src=x onerror=alert(1)>">z</p></noscript>')).not.toMatch(/<img|onerror=/);
  });

  it('links: only https, mailto and tel, with no attribute but href; text always escaped', () => {
    expect(sanitize('<a href=" javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="mailto:x@example.jp" title="t" onclick="y()">c</a>')).toBe(
      '<a>a</a><a>b</a><a href="mailto:x@example.jp">c</a>',
    );
    expect(sanitize('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong title="q">"q"</strong></p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>"q"</strong></p>',
    );
    expect(sanitize('<a href="https://x.example/?a=1&amp;b=&quot;2&quot;">q</a>')).toBe(
      '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;" target="_blank" rel="noopener noreferrer">q</a>',
    );
  });

  it('what it returns reads back as the same markup', () => {
    for (const html of [
      '<p>a<p>b</p></p><ul><li><ol><li>c</li></ol></li></ul>',
      '<a href="https://x.example"><a href="tel:1">n</a></a>',
      '<b><i>t</b></i><table><tr><td>cell</td></tr></table>',
    ]) {
      const once = sanitize(html);
      expect(sanitize(once)).toBe(once);
    }
  });
});
