// Pull to refresh on a touch screen: at the top of the page, a downward pull of one finger past
// THRESHOLD pixels and a release call `onPull`. The element gets `--pull` (how far, in px) and
// the classes `pulling` and `pull-ready` to draw its own hint. A button does the same for mouse,
// keyboard and assistive technology; this is only the gesture.

export const THRESHOLD = 72;

export function pullToRefresh(node: HTMLElement, onPull: () => void) {
  let startY: number | null = null;
  let distance = 0;

  function show() {
    node.style.setProperty('--pull', `${Math.min(distance, THRESHOLD * 1.5)}px`);
    node.classList.toggle('pulling', distance > 0);
    node.classList.toggle('pull-ready', distance >= THRESHOLD);
  }

  function reset() {
    startY = null;
    distance = 0;
    show();
  }

  function start(e: TouchEvent) {
    // Only from the very top, and never while the page itself is being scrolled or zoomed.
    startY = window.scrollY <= 0 && e.touches.length === 1 ? e.touches[0].clientY : null;
    distance = 0;
  }

  function move(e: TouchEvent) {
    if (startY === null) return;
    if (e.touches.length !== 1) return reset();
    distance = Math.max(0, e.touches[0].clientY - startY);
    show();
  }

  function end() {
    const ready = startY !== null && distance >= THRESHOLD;
    reset();
    if (ready) onPull();
  }

  node.addEventListener('touchstart', start, { passive: true });
  node.addEventListener('touchmove', move, { passive: true });
  node.addEventListener('touchend', end);
  node.addEventListener('touchcancel', reset);
  return {
    destroy() {
      node.removeEventListener('touchstart', start);
      node.removeEventListener('touchmove', move);
      node.removeEventListener('touchend', end);
      node.removeEventListener('touchcancel', reset);
    },
  };
}
