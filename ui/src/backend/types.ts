// The shapes of docs/ipc.md, exactly as they cross the wire (camelCase).

export type Lang = 'ja' | 'en';

export type Contact = { name: string; phone?: string; url?: string; hours?: string };

export type Town = {
  id: string;
  name: string;
  /** The installed app's name (window title, header): the town's own. */
  appName: string;
  sample: boolean;
  primaryColor: string;
  accentColor: string;
  programme: 'pregnancy' | 'age1' | 'age2' | 'age3';
  description: string;
  contacts: Contact[];
};

export type AppInfo = { town: Town; version: string; lang: Lang };

export type ChildStatus = 'expecting' | 'born' | 'ended';
export type EndedReason = 'pregnancy-loss' | 'child-loss' | 'other';

export type ChildView = {
  id: number;
  nickname: string;
  status: ChildStatus;
  endedReason?: EndedReason;
  dueDate?: string;
  birthDate?: string;
  stage?: string;
  preterm: boolean;
};

export type MessageView = {
  deliveryId: number;
  childId: number;
  slot: string;
  dueOn: string;
  dateLabel: string;
  stage: string;
  title: string;
  html: string;
  read: boolean;
  bookmarked: boolean;
  earlier: boolean;
};

export type Notice = { title: string; html: string };

export type TodayChild = {
  child: ChildView;
  message?: MessageView;
  missing?: string;
  milestone?: string;
  askIfBorn: boolean;
  notices: Notice[];
};

export type TodayView = { date: string; dateLabel: string; children: TodayChild[]; unreadEarlier: number };

export type ArchiveEntryView = {
  deliveryId: number;
  childId: number;
  nickname: string;
  slot: string;
  dueOn: string;
  dateLabel: string;
  title: string;
  read: boolean;
  bookmarked: boolean;
  earlier: boolean;
};

/** One of the town's overlays in the archive, on the child's day it fell on, body included. */
export type TownEntryView = {
  key: string;
  childId: number;
  nickname: string;
  dueOn: string;
  dateLabel: string;
  title: string;
  html: string;
};

/** An archive row: a catalogue message or one of the town's overlays. */
export type ArchiveItem = ({ kind: 'message' } & ArchiveEntryView) | ({ kind: 'town' } & TownEntryView);

export type TextSize = 'standard' | 'large' | 'larger';
export type Theme = 'system' | 'light' | 'dark';

export type SettingsView = {
  deliveryTime: string;
  locale: Lang;
  textSize: TextSize;
  theme: Theme;
  notificationsAllowed: boolean;
};

/** What the app holds of the town's feed (docs/feed.md), with its labels already localised. */
export type FeedStatus = {
  version?: number;
  updatedLabel?: string;
  checkedLabel?: string;
  error?: string;
  expired: boolean;
};

/** One of the town's current event notices; `html` is sanitised, `url` https only. */
export type EventView = { id: string; title: string; html: string; when: string; place?: string; url?: string };

export type SettingKey = 'delivery-time' | 'locale' | 'text-size' | 'theme';

export type ArchiveFilter = { childId?: number; unreadOnly?: boolean; bookmarkedOnly?: boolean };

export type OpenDay = { date: string; childId?: number };

/** The one error shape every command rejects with. */
export type BackendErrorShape = { code: string; message: string };

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
  open_link: { args: { url: string }; result: null };
  export_data: { args: undefined; result: string };
  import_data: { args: { data: string }; result: null };
  set_aside_data: { args: undefined; result: string };
  restart_app: { args: undefined; result: null };
}

export type Command = keyof Commands;

/** Sends one command and resolves with its raw result (Tauri's `invoke`, or the mock's). */
export type Invoke = (cmd: Command, args?: Record<string, unknown>) => Promise<unknown>;

export type EventName = 'open-day' | 'data-changed';
export type EventPayloads = { 'open-day': OpenDay; 'data-changed': null };
export type Unlisten = () => void;

/** Subscribes to the shell's events. */
export interface Events {
  listen<E extends EventName>(event: E, handler: (payload: EventPayloads[E]) => void): Promise<Unlisten>;
}
