// Every screen but the two a start can open with (Today, and Welcome on a first launch) is loaded on
// its first use: a start that shows today's message parses and runs only its own code
// (docs/performance.md). Each is loaded once and kept.
import type { Component } from 'svelte';

const loaders = {
  archive: () => import('../screens/Archive.svelte'),
  message: () => import('../screens/Message.svelte'),
  children: () => import('../screens/Children.svelte'),
  'child-add': () => import('../screens/ChildAdd.svelte'),
  'child-edit': () => import('../screens/ChildEdit.svelte'),
  'child-born': () => import('../screens/ChildBorn.svelte'),
  'child-stop': () => import('../screens/ChildStop.svelte'),
  'child-schedule': () => import('../screens/ChildSchedule.svelte'),
  'child-share': () => import('../screens/ChildShare.svelte'),
  'child-add-shared': () => import('../screens/ChildAddShared.svelte'),
  settings: () => import('../screens/Settings.svelte'),
  town: () => import('../screens/Town.svelte'),
};

export type LazyScreen = keyof typeof loaders;
type Screen<N extends LazyScreen> = Awaited<ReturnType<(typeof loaders)[N]>>['default'];
export type ScreenProps<N extends LazyScreen> = Screen<N> extends Component<infer P> ? P : never;

const loading = new Map<LazyScreen, Promise<Component<never>>>();
const loaded = new Map<LazyScreen, Component<never>>();

export function isLazy(name: string): name is LazyScreen {
  return name in loaders;
}

/** The screen's component, loading it on the first call. */
export function loadScreen<N extends LazyScreen>(name: N): Promise<Screen<N>> {
  let promise = loading.get(name);
  if (!promise) {
    promise = loaders[name]().then((m) => {
      loaded.set(name, m.default as Component<never>);
      return m.default as Component<never>;
    });
    // A failed load is tried afresh next time.
    promise.catch(() => loading.delete(name));
    loading.set(name, promise);
  }
  return promise as Promise<Screen<N>>;
}

/** The screen's component if it is already loaded (shown at once, without a frame of nothing). */
export function loadedScreen<N extends LazyScreen>(name: N): Screen<N> | null {
  return (loaded.get(name) as Screen<N> | undefined) ?? null;
}
