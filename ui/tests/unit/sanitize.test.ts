// @vitest-environment jsdom
// Defence in depth before {@html} (run under jsdom, which DOMPurify supports).
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
});
