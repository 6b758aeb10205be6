// The shell already makes bodies safe (the catalogue is reviewed Markdown; town bodies are rendered
// through an allow-list in Rust). The UI checks again before `{@html}`: only paragraphs, emphasis,
// lists and https/mailto/tel links get through.
//
// The body is parsed into an inert template (nothing in it runs or loads), and the result is built
// anew from what the allow-list names: an element of the list with no attribute but a link's
// checked href, and text. Nothing of the parsed tree itself is ever serialised, and none of these
// elements changes how HTML around it is parsed, so what is inserted reads back as built.

const ALLOWED = new Set(['P', 'BR', 'STRONG', 'EM', 'B', 'I', 'UL', 'OL', 'LI', 'A']);
/** Dropped with everything inside them; any other element is dropped and its content kept. */
const DROPPED_WHOLE = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'NOSCRIPT',
  'NOEMBED', 'NOFRAMES', 'TEXTAREA', 'TITLE', 'XMP', 'PLAINTEXT', 'SVG', 'MATH', 'SELECT',
  'OPTION', 'AUDIO', 'VIDEO', 'HEAD',
]);
const SAFE_URL = /^(?:https:|mailto:|tel:)/i;

function copy(from: Node, to: Node, doc: Document): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(doc.createTextNode(node.nodeValue ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue; // comments, processing instructions
    const name = (node as Element).tagName.toUpperCase();
    if (DROPPED_WHOLE.has(name)) continue;
    if (!ALLOWED.has(name)) {
      copy(node, to, doc);
      continue;
    }
    const element = doc.createElement(name.toLowerCase());
    if (name === 'A') {
      // The same check the shell makes; anything else keeps the text and loses the link.
      const href = ((node as Element).getAttribute('href') ?? '').trim();
      if (SAFE_URL.test(href)) {
        element.setAttribute('href', href);
        if (/^https:/i.test(href)) {
          element.setAttribute('target', '_blank');
          element.setAttribute('rel', 'noopener noreferrer');
        }
      }
    }
    copy(node, element, doc);
    to.appendChild(element);
  }
}

export function sanitize(html: string): string {
  const parsed = document.createElement('template');
  parsed.innerHTML = html;
  const built = document.createElement('div');
  copy(parsed.content, built, document);
  return built.innerHTML;
}
