// The shapes of docs/ipc.md, exactly as they cross the wire (camelCase).

// The views the shell sends are generated from the Rust view types (src-tauri/src/views.rs) by
// ts-rs into ./generated/ when `cargo test` runs; CI fails when they are not current. Only the
// shapes the UI itself sends (arguments, setting keys) are written here.
import type { AppInfo } from './generated/AppInfo';
import type { ArchiveItem } from './generated/ArchiveItem';
import type { BackendErrorShape } from './generated/BackendErrorShape';
import type { ChildView } from './generated/ChildView';
import type { EventView } from './generated/EventView';
import type { FeedStatus } from './generated/FeedStatus';
import type { MessageView } from './generated/MessageView';
import type { ScheduleView } from './generated/ScheduleView';
import type { SettingsView } from './generated/SettingsView';
import type { TodayView } from './generated/TodayView';
import type { ShareView } from './generated/ShareView';
import type { AddSharedView } from './generated/AddSharedView';
import type { StartView } from './generated/StartView';
import type { EventBatch } from './generated/EventBatch';
import type { ShellEvent } from './generated/ShellEvent';

export type { AppInfo, ArchiveItem, BackendErrorShape, ChildView, EventView, FeedStatus, MessageView, ScheduleView, SettingsView, TodayView, ShareView, AddSharedView, StartView, EventBatch, ShellEvent };
export type { VisitView } from './generated/VisitView';
export type { VaccineChoiceView } from './generated/VaccineChoiceView';
export type { SurveyCard } from './generated/SurveyCard';
export type { ArchiveEntryView } from './generated/ArchiveEntryView';
export type { Contact } from './generated/Contact';
export type { Notice } from './generated/Notice';
export type { TodayChild } from './generated/TodayChild';
export type { Town } from './generated/Town';
export type { TownEntryView } from './generated/TownEntryView';

export type Lang = AppInfo['lang'];
export type ChildStatus = ChildView['status'];
export type EndedReason = NonNullable<ChildView['endedReason']>;
export type TextSize = SettingsView['textSize'];
export type Theme = SettingsView['theme'];

export type SettingKey = 'delivery-time' | 'locale' | 'text-size' | 'theme';

export type ArchiveFilter = { childId?: number; unreadOnly?: boolean; bookmarkedOnly?: boolean };

/** A dose of a child: the vaccine's id in the schedule and the dose's number. */
export type DoseArgs = { id: number; vaccine: string; number: number };
/** What the reader agreed to when adding a share code asked (`AddSharedView.confirm`). */
export type ShareConfirm = NonNullable<AddSharedView['confirm']>;

export type OpenDay = { date: string; childId?: number };

/** Every command of docs/ipc.md with its arguments and result. */
export interface Commands {
  app_info: { args: undefined; result: AppInfo };
  list_children: { args: undefined; result: ChildView[] };
  add_child: { args: { nickname?: string; dueDate?: string; birthDate?: string }; result: ChildView };
  record_birth: { args: { id: number; birthDate: string }; result: ChildView };
  correct_dates: { args: { id: number; dueDate?: string; birthDate?: string }; result: ChildView };
  end_child: { args: { id: number; reason: EndedReason }; result: ChildView };
  resume_child: { args: { id: number }; result: ChildView };
  delete_child: { args: { id: number }; result: null };
  share_child: { args: { id: number; includeNickname: boolean }; result: ShareView };
  add_shared_child: { args: { code: string; confirm?: ShareConfirm }; result: AddSharedView };
  today: { args: undefined; result: TodayView };
  archive: { args: ArchiveFilter; result: ArchiveItem[] };
  search: { args: { query: string }; result: ArchiveItem[] };
  open_message: { args: { deliveryId: number }; result: MessageView };
  set_bookmark: { args: { deliveryId: number; bookmarked: boolean }; result: null };
  get_settings: { args: undefined; result: SettingsView };
  set_setting: { args: { key: SettingKey; value: string }; result: SettingsView };
  request_notification_permission: { args: undefined; result: boolean };
  send_test_notification: { args: undefined; result: null };
  town_status: { args: undefined; result: FeedStatus };
  sync_town: { args: undefined; result: FeedStatus };
  town_events: { args: undefined; result: EventView[] };
  child_schedule: { args: { id: number }; result: ScheduleView };
  record_dose: { args: DoseArgs & { date: string }; result: ScheduleView };
  correct_dose: { args: DoseArgs & { date: string }; result: ScheduleView };
  remove_dose: { args: DoseArgs; result: ScheduleView };
  record_checkup: { args: { id: number; visit: string; date: string }; result: ScheduleView };
  remove_checkup: { args: { id: number; visit: string }; result: ScheduleView };
  export_calendar: { args: { id: number }; result: string };
  open_link: { args: { url: string }; result: null };
  dismiss_survey: { args: { key: string }; result: null };
  answer_survey: { args: { key: string }; result: null };
  export_data: { args: undefined; result: string };
  import_data: { args: { data: string }; result: null };
  set_aside_data: { args: undefined; result: string };
  restart_app: { args: undefined; result: null };
  shell_events: { args: { after?: number }; result: EventBatch };
  // The camera scanner (tauri-plugin-barcode-scanner), only where `AppInfo.canScan` says so.
  'plugin:barcode-scanner|request_permissions': { args: undefined; result: string };
  'plugin:barcode-scanner|scan': { args: { windowed: boolean; formats: string[] }; result: { content: string } };
}

export type Command = keyof Commands;

/** Sends one command and resolves with its raw result (Tauri's `invoke`, or the mock's). */
export type Invoke = (cmd: Command, args?: Record<string, unknown>) => Promise<unknown>;

export type EventName = 'open-day' | 'data-changed';
export type EventPayloads = { 'open-day': OpenDay; 'data-changed': null };
export type Unlisten = () => void;

/** The shell's events (`shell_events`, events.ts). */
export interface Events {
  listen<E extends EventName>(event: E, handler: (payload: EventPayloads[E]) => void): Unlisten;
  /**
   * Starts asking for the events after `after` (the number that came with the page), or after
   * the newest one when absent; resolves once the shell is being asked.
   */
  connect(after?: number): Promise<void>;
}
