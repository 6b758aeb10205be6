// @vitest-environment jsdom
// The typed wrappers send docs/ipc.md's command names and camelCase arguments through Tauri's
// invoke, and every rejection comes out as {code, message}.
import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { BackendError, createApi, normaliseError, tauriInvoke } from '../../src/backend/ipc';

afterEach(() => clearMocks());

describe('createApi over Tauri', () => {
  it('sends command names and camelCase arguments, without absent optionals', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'add_child') return { id: 1, nickname: '', status: 'expecting', preterm: false };
      return null;
    });
    const api = createApi(tauriInvoke);
    await api.addChild({ nickname: undefined, dueDate: '2027-03-15', birthDate: undefined });
    await api.addChild({ nickname: 'はる', birthDate: '2026-10-01' });
    await api.correctDates(1, { birthDate: '2027-03-10' });
    await api.archive({ childId: 1, unreadOnly: true });
    await api.setBookmark(7, true);
    await api.setSetting('text-size', 'large');
    await api.importData('{}');
    await api.townStatus();
    await api.syncTown();
    await api.townEvents();
    await api.openLink('https://example.jp/x');
    expect(calls).toEqual([
      ['add_child', { dueDate: '2027-03-15' }],
      ['add_child', { nickname: 'はる', birthDate: '2026-10-01' }],
      ['correct_dates', { id: 1, birthDate: '2027-03-10' }],
      ['archive', { childId: 1, unreadOnly: true }],
      ['set_bookmark', { deliveryId: 7, bookmarked: true }],
      ['set_setting', { key: 'text-size', value: 'large' }],
      ['import_data', { data: '{}' }],
      ['town_status', {}],
      ['sync_town', {}],
      ['town_events', {}],
      ['open_link', { url: 'https://example.jp/x' }],
    ]);
  });

  it('passes the shell error shape through', async () => {
    mockIPC(() => {
      throw { code: 'birth-in-future', message: '誕生日 2030-01-01 がまだ来ていない日付です。' };
    });
    const api = createApi(tauriInvoke);
    const e = await api.recordBirth(1, '2030-01-01').catch((e) => e);
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: 'birth-in-future', message: '誕生日 2030-01-01 がまだ来ていない日付です。' });
  });
});

describe('the town commands', () => {
  it('passes a refused link through as link-not-allowed', async () => {
    mockIPC((cmd) => {
      if (cmd === 'open_link') throw { code: 'link-not-allowed', message: 'このリンク(http://x)は開けません。' };
      if (cmd === 'sync_town') return { version: 7, updatedLabel: '2026年11月25日(水) 09:00', expired: false };
      return null;
    });
    const api = createApi(tauriInvoke);
    expect(await api.syncTown()).toEqual({ version: 7, updatedLabel: '2026年11月25日(水) 09:00', expired: false });
    const e = await api.openLink('http://x').catch((e) => e);
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: 'link-not-allowed', message: 'このリンク(http://x)は開けません。' });
  });
});

describe('normaliseError', () => {
  it('turns anything else into internal', () => {
    expect(normaliseError('command today not found')).toMatchObject({ code: 'internal', message: 'command today not found' });
    expect(normaliseError(new TypeError('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
    expect(normaliseError(undefined)).toMatchObject({ code: 'internal', message: '' });
    expect(normaliseError({ code: 1 })).toMatchObject({ code: 'internal' });
  });
});

describe('sharing and the survey', () => {
  it('sends the share and survey commands with camelCase arguments', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'plugin:barcode-scanner|scan') return { content: '1ABC-DEFG' };
      return null;
    });
    const api = createApi(tauriInvoke);
    await api.shareChild(3, false);
    await api.addSharedChild('1abc defg');
    await api.addSharedChild('1abc defg', 'stop');
    await api.dismissSurvey('family-survey-2027');
    await api.answerSurvey('family-survey-2027');
    expect(await api.scanCode()).toBe('1ABC-DEFG');
    expect(calls).toEqual([
      ['share_child', { id: 3, includeNickname: false }],
      ['add_shared_child', { code: '1abc defg' }],
      ['add_shared_child', { code: '1abc defg', confirm: 'stop' }],
      ['dismiss_survey', { key: 'family-survey-2027' }],
      ['answer_survey', { key: 'family-survey-2027' }],
      ['plugin:barcode-scanner|request_permissions', {}],
      ['plugin:barcode-scanner|scan', { windowed: false, formats: ['QR_CODE'] }],
    ]);
  });
});
