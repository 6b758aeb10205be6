// The mock's export and import of the on-device data: one JSON document with every child, the
// settings and the archive's read and bookmark marks, as `export_data` / `import_data` make it.
import type { EndedReason, SettingsView } from '../types';
import type { Delivery, MockChild } from './backend';
import { Fail } from './fail';

type ExportDoc = {
  app?: string;
  format?: number;
  settings?: Partial<SettingsView>;
  children: {
    id: number;
    nickname?: string;
    dueDate?: string | null;
    birthDate?: string | null;
    birthRecordedOn?: string | null;
    registeredOn?: string;
    endedOn?: string | null;
    endedReason?: EndedReason | null;
    shared?: boolean;
    shareId?: number | null;
  }[];
  archive: { childId: number; slot: string; read?: boolean; bookmarked?: boolean }[];
  /** Doses and check-ups, as the mock keys them; absent in older documents. */
  records?: { childId: number; entries: string[] }[];
};

/** The document `export_data` returns. */
export function exportDocument(
  today: string,
  settings: SettingsView,
  children: MockChild[],
  deliveries: Delivery[],
  records: Map<number, string[]>,
): string {
  return JSON.stringify(
    {
      app: 'tsunagu',
      format: 1,
      exportedOn: today,
      settings,
      children: children.map((c) => ({
        id: c.id,
        nickname: c.nickname,
        dueDate: c.dueDate,
        birthDate: c.birthDate,
        birthRecordedOn: c.birthRecordedOn,
        registeredOn: c.registeredOn,
        endedOn: c.endedOn,
        endedReason: c.endedReason,
        shared: c.shared,
        shareId: c.shareId,
      })),
      archive: deliveries.map((d) => ({
        childId: d.childId,
        slot: d.slot,
        dueOn: d.dueOn,
        earlier: d.earlier,
        read: d.read,
        bookmarked: d.bookmarked,
      })),
      records: [...records].map(([childId, entries]) => ({ childId, entries })),
    },
    null,
    2,
  );
}

/** Reads a document for `import_data`, whole or not at all (`invalid-import`). */
export function readDocument(
  text: string,
  current: SettingsView,
): { children: MockChild[]; settings: SettingsView; marks: ExportDoc['archive']; records: Map<number, string[]> } {
  const invalid = () => new Fail('invalid-import');
  let doc: ExportDoc;
  try {
    doc = JSON.parse(text);
  } catch {
    throw invalid();
  }
  if (!doc || doc.app !== 'tsunagu' || doc.format !== 1 || !Array.isArray(doc.children) || !Array.isArray(doc.archive)) {
    throw invalid();
  }
  const day = (s: string | null | undefined) => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);
  const children: MockChild[] = doc.children.map((c) => {
    const registeredOn = day(c.registeredOn);
    if (typeof c.id !== 'number' || registeredOn === null) throw invalid();
    return {
      id: c.id,
      nickname: String(c.nickname ?? ''),
      dueDate: day(c.dueDate),
      birthDate: day(c.birthDate),
      birthRecordedOn: day(c.birthRecordedOn),
      registeredOn,
      endedOn: day(c.endedOn),
      endedReason: c.endedReason ?? null,
      shared: Boolean(c.shared),
      shareId: typeof c.shareId === 'number' ? c.shareId : null,
      sharedAs: null,
    };
  });
  const records = new Map<number, string[]>();
  for (const r of doc.records ?? []) {
    if (!children.some((c) => c.id === r.childId) || !Array.isArray(r.entries)) throw invalid();
    records.set(r.childId, r.entries.map(String));
  }
  return { children, settings: { ...current, ...(doc.settings ?? {}) }, marks: doc.archive, records };
}
