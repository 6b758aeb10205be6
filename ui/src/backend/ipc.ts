// Typed wrappers for every command of docs/ipc.md. The transport (Tauri's `invoke` or the
// in-memory mock) is passed in; every rejection comes out as a `BackendError` {code, message}.
import { invoke as tauriCoreInvoke } from '@tauri-apps/api/core';
import type {
  AppInfo,
  ArchiveItem,
  ArchiveFilter,
  BackendErrorShape,
  ChildView,
  Command,
  Commands,
  DoseArgs,
  EventBatch,
  EndedReason,
  EventView,
  FeedStatus,
  Invoke,
  MessageView,
  ScheduleView,
  SettingKey,
  SettingsView,
  AddSharedView,
  ShareConfirm,
  ShareView,
  TodayView,
} from './types';

/** The one error shape of the contract, as a real `Error` so stacks survive. */
export class BackendError extends Error implements BackendErrorShape {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

function isShape(e: unknown): e is BackendErrorShape {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BackendErrorShape).code === 'string' &&
    typeof (e as BackendErrorShape).message === 'string'
  );
}

/** Turns whatever a transport rejected with into `{code, message}` (`internal` when unknown). */
export function normaliseError(e: unknown): BackendError {
  if (e instanceof BackendError) return e;
  if (isShape(e)) return new BackendError(e.code, e.message);
  if (typeof e === 'string') return new BackendError('internal', e);
  if (e instanceof Error) return new BackendError('internal', e.message);
  return new BackendError('internal', '');
}

/** Sends a command through Tauri (only valid inside the app's WebView). */
export const tauriInvoke: Invoke = (cmd, args) => tauriCoreInvoke(cmd, args);

/** Drops `undefined` fields so optional arguments are absent, not null, on the wire. */
function clean(args: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!args) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined) out[k] = v;
  return out;
}

export type Api = ReturnType<typeof createApi>;

export function createApi(invoke: Invoke) {
  async function call<C extends Command>(
    cmd: C,
    ...args: Commands[C]['args'] extends undefined ? [] : [Commands[C]['args']]
  ): Promise<Commands[C]['result']> {
    try {
      return (await invoke(cmd, clean(args[0] as Record<string, unknown> | undefined))) as Commands[C]['result'];
    } catch (e) {
      throw normaliseError(e);
    }
  }

  return {
    appInfo: (): Promise<AppInfo> => call('app_info'),
    listChildren: (): Promise<ChildView[]> => call('list_children'),
    addChild: (a: { nickname?: string; dueDate?: string; birthDate?: string }): Promise<ChildView> =>
      call('add_child', a),
    recordBirth: (id: number, birthDate: string): Promise<ChildView> => call('record_birth', { id, birthDate }),
    correctDates: (id: number, dates: { dueDate?: string; birthDate?: string }): Promise<ChildView> =>
      call('correct_dates', { id, ...dates }),
    endChild: (id: number, reason: EndedReason): Promise<ChildView> => call('end_child', { id, reason }),
    resumeChild: (id: number): Promise<ChildView> => call('resume_child', { id }),
    deleteChild: (id: number): Promise<null> => call('delete_child', { id }),
    /** The child's share code and QR code, with or without the nickname. */
    shareChild: (id: number, includeNickname: boolean): Promise<ShareView> => call('share_child', { id, includeNickname }),
    /** Adds a typed, pasted or scanned code; `confirm` once the reader agreed to what it asked. */
    addSharedChild: (code: string, confirm?: ShareConfirm): Promise<AddSharedView> => call('add_shared_child', { code, confirm }),
    /** Scans a QR code with the phone's camera (only when `AppInfo.canScan`); the text read. */
    scanCode: async (): Promise<string> => {
      await call('plugin:barcode-scanner|request_permissions');
      const scanned = await call('plugin:barcode-scanner|scan', { windowed: false, formats: ['QR_CODE'] });
      return scanned.content;
    },
    today: (): Promise<TodayView> => call('today'),
    archive: (filter: ArchiveFilter = {}): Promise<ArchiveItem[]> => call('archive', filter),
    search: (query: string): Promise<ArchiveItem[]> => call('search', { query }),
    openMessage: (deliveryId: number): Promise<MessageView> => call('open_message', { deliveryId }),
    setBookmark: (deliveryId: number, bookmarked: boolean): Promise<null> =>
      call('set_bookmark', { deliveryId, bookmarked }),
    getSettings: (): Promise<SettingsView> => call('get_settings'),
    setSetting: (key: SettingKey, value: string): Promise<SettingsView> => call('set_setting', { key, value }),
    requestNotificationPermission: (): Promise<boolean> => call('request_notification_permission'),
    sendTestNotification: (): Promise<null> => call('send_test_notification'),
    townStatus: (): Promise<FeedStatus> => call('town_status'),
    /** Checks the town's feed now (pull to refresh); a failure comes back in `error`, not as a rejection. */
    syncTown: (): Promise<FeedStatus> => call('sync_town'),
    townEvents: (): Promise<EventView[]> => call('town_events'),
    /** A child's "Check-ups and shots"; each write below answers with the screen as it now stands. */
    childSchedule: (id: number): Promise<ScheduleView> => call('child_schedule', { id }),
    recordDose: (dose: DoseArgs, date: string): Promise<ScheduleView> => call('record_dose', { ...dose, date }),
    correctDose: (dose: DoseArgs, date: string): Promise<ScheduleView> => call('correct_dose', { ...dose, date }),
    removeDose: (dose: DoseArgs): Promise<ScheduleView> => call('remove_dose', dose),
    recordCheckup: (id: number, visit: string, date: string): Promise<ScheduleView> =>
      call('record_checkup', { id, visit, date }),
    removeCheckup: (id: number, visit: string): Promise<ScheduleView> => call('remove_checkup', { id, visit }),
    /** The child's coming visits as an .ics file's text, to hand to the system like the data export. */
    exportCalendar: (id: number): Promise<string> => call('export_calendar', { id }),
    /** Opens an https, mailto or tel link outside the app; anything else rejects with `link-not-allowed`. */
    openLink: (url: string): Promise<null> => call('open_link', { url }),
    /** Hides the town's survey card; nothing is sent anywhere. */
    dismissSurvey: (key: string): Promise<null> => call('dismiss_survey', { key }),
    /** Opens the town's survey form outside the app and hides the card. */
    answerSurvey: (key: string): Promise<null> => call('answer_survey', { key }),
    exportData: (): Promise<string> => call('export_data'),
    importData: (data: string): Promise<null> => call('import_data', { data }),
    /** When the data could not be opened: keeps the old file aside, whole; resolves with where it is. */
    setAsideData: (): Promise<string> => call('set_aside_data'),
    restartApp: (): Promise<null> => call('restart_app'),
    /** The shell's events after `after`, answered when there is one (events.ts). */
    shellEvents: (after?: number): Promise<EventBatch> => call('shell_events', { after }),
  };
}
