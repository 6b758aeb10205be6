// Hash routes: #/today, #/town, #/archive?unread=1, #/message/12, #/children/3/born,
// #/children/3/schedule, ...

export type Route =
  | { name: 'welcome' }
  | { name: 'today' }
  | { name: 'town' }
  | { name: 'archive'; childId?: number; unread: boolean; bookmarked: boolean; query: string }
  | { name: 'message'; deliveryId: number }
  | { name: 'children' }
  | { name: 'child-add' }
  | { name: 'child-add-shared' }
  | { name: 'child-share'; id: number }
  | { name: 'child-edit'; id: number }
  | { name: 'child-born'; id: number }
  | { name: 'child-stop'; id: number }
  | { name: 'child-schedule'; id: number }
  | { name: 'settings' };

export type Tab = 'today' | 'archive' | 'town' | 'children' | 'settings';

const id = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path, search = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean);
  const q = new URLSearchParams(search);
  switch (parts[0]) {
    case 'welcome':
      return { name: 'welcome' };
    case 'archive': {
      const child = id(q.get('child') ?? undefined);
      return {
        name: 'archive',
        childId: child ?? undefined,
        unread: q.get('unread') === '1',
        bookmarked: q.get('bookmarked') === '1',
        query: q.get('q') ?? '',
      };
    }
    case 'message': {
      const d = id(parts[1]);
      return d === null ? { name: 'archive', unread: false, bookmarked: false, query: '' } : { name: 'message', deliveryId: d };
    }
    case 'children': {
      if (parts[1] === 'add') return { name: 'child-add' };
      if (parts[1] === 'add-shared') return { name: 'child-add-shared' };
      const c = id(parts[1]);
      if (c === null) return { name: 'children' };
      if (parts[2] === 'edit') return { name: 'child-edit', id: c };
      if (parts[2] === 'born') return { name: 'child-born', id: c };
      if (parts[2] === 'stop') return { name: 'child-stop', id: c };
      if (parts[2] === 'schedule') return { name: 'child-schedule', id: c };
      if (parts[2] === 'share') return { name: 'child-share', id: c };
      return { name: 'children' };
    }
    case 'settings':
      return { name: 'settings' };
    case 'town':
      return { name: 'town' };
    default:
      return { name: 'today' };
  }
}

export function tabOf(route: Route): Tab | null {
  switch (route.name) {
    case 'today':
      return 'today';
    case 'archive':
    case 'message':
      return 'archive';
    case 'children':
    case 'child-add':
    case 'child-add-shared':
    case 'child-share':
    case 'child-edit':
    case 'child-born':
    case 'child-stop':
    case 'child-schedule':
      return 'children';
    case 'settings':
      return 'settings';
    case 'town':
      return 'town';
    default:
      return null;
  }
}

/** What identifies a page for focus management: query changes within a page do not count. */
export function pageKey(route: Route): string {
  switch (route.name) {
    case 'message':
      return `message/${route.deliveryId}`;
    case 'child-edit':
    case 'child-born':
    case 'child-stop':
    case 'child-schedule':
    case 'child-share':
      return `${route.name}/${route.id}`;
    default:
      return route.name;
  }
}
