// What the shell localises itself (docs/ipc.md): stage and date labels, milestone notes, error
// messages and the demo town, in Japanese and English, for the mock.
import type { Lang, Town } from '../types';
import type { Age, Milestone, Stage } from './cadence';
import { ymd } from './dates';

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

export function ageLabel(age: Age, lang: Lang): string {
  if (lang === 'ja') {
    switch (age.kind) {
      case 'gestation':
        return `妊娠${age.weeks}週${age.days}日`;
      case 'days':
        return `生後${age.days}日`;
      case 'months':
        if (age.years === 0) return `生後${age.months}か月`;
        return age.months === 0 ? `${age.years}歳` : `${age.years}歳${age.months}か月`;
    }
  }
  switch (age.kind) {
    case 'gestation':
      return `${plural(age.weeks, 'week', 'weeks')} ${plural(age.days, 'day', 'days')} pregnant`;
    case 'days':
      return `day ${age.days}`;
    case 'months':
      if (age.years === 0) return plural(age.months, 'month', 'months');
      return age.months === 0
        ? plural(age.years, 'year', 'years')
        : `${plural(age.years, 'year', 'years')} ${plural(age.months, 'month', 'months')}`;
  }
}

// A preterm baby's corrected age as neonatal follow-up writes it: 修正37週5日 / "37 weeks 5 days
// corrected", never "pregnant" (the baby is born).
function correctedLabel(age: Age, lang: Lang): string {
  if (lang === 'ja') {
    switch (age.kind) {
      case 'gestation':
        return `修正${age.weeks}週${age.days}日`;
      case 'days':
        return `修正${age.days}日`;
      case 'months':
        return `修正${ageLabel(age, lang).replace(/^生後/, '')}`;
    }
  }
  if (age.kind === 'gestation') {
    return `${plural(age.weeks, 'week', 'weeks')} ${plural(age.days, 'day', 'days')} corrected`;
  }
  return `${ageLabel(age, lang)} corrected`;
}

export function stageLabel(stage: Stage, lang: Lang): string {
  const actual = ageLabel(stage.actual, lang);
  if (!stage.corrected) return actual;
  const corrected = correctedLabel(stage.corrected, lang);
  return lang === 'ja' ? `${actual}(${corrected})` : `${actual} (${corrected})`;
}

const WEEKDAYS = {
  ja: ['月', '火', '水', '木', '金', '土', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dateLabel(day: number, lang: Lang): string {
  const d = ymd(day);
  if (lang === 'ja') return `${d.year}年${d.month}月${d.day}日(${WEEKDAYS.ja[d.weekday]})`;
  return `${WEEKDAYS.en[d.weekday]} ${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`;
}

export function milestoneLabel(m: Milestone, lang: Lang): string {
  const ja = lang === 'ja';
  switch (m.kind) {
    case 'stable-period':
      return ja ? '妊娠16週。いわゆる安定期に入るころです。' : '16 weeks: the start of what is often called the stable period.';
    case 'full-term':
      return ja ? '妊娠36週。今日から臨月です。' : '36 weeks: the final month begins today.';
    case 'due-date':
      return ja ? '今日は出産予定日です。' : 'Today is the due date.';
    case 'days':
      return ja ? `生後${m.days}日。ここまで一日一日を重ねてきました。` : `${m.days} days since birth, one day at a time.`;
  }
}

type ErrorText = (a: Record<string, string>) => string;

const ERRORS: Record<Lang, Record<string, ErrorText>> = {
  ja: {
    'invalid-date': (a) => `「${a.value}」は日付として読めません。2027-03-15 のように、年-月-日で入力してください。`,
    'no-dates': () => '出産予定日か誕生日のどちらかを入力してください。',
    'due-date-too-far': (a) => `出産予定日 ${a.due} は40週より先です。母子健康手帳や産院で伝えられた予定日を確かめてください。`,
    'due-date-passed': (a) => `出産予定日 ${a.due} から2週間以上たっています。赤ちゃんが生まれていたら、誕生日で登録してください。`,
    'birth-in-future': (a) => `誕生日 ${a.birth} がまだ来ていない日付です。`,
    'birth-before-viable': (a) => `誕生日 ${a.birth} は、出産予定日 ${a.due} から数えると妊娠22週より前になります。日付を確かめてください。`,
    'birth-after-due-date': (a) => `誕生日 ${a.birth} は、出産予定日 ${a.due} から4週間以上あとです。日付を確かめてください。`,
    'birth-too-long-ago': (a) => `誕生日 ${a.birth} からは3年以上たっているため、このサービスの対象外です。`,
    'unknown-child': (a) => `番号 ${a.id} の子どもは登録されていません。`,
    'already-born': (a) => `番号 ${a.id} の子どもは、すでに誕生を記録しています。`,
    'not-born': (a) => `番号 ${a.id} の子どもは、まだ誕生を記録していません。`,
    'child-ended': (a) => `番号 ${a.id} の子どもへのメッセージは止めています。再開してから操作してください。`,
    'child-not-ended': (a) => `番号 ${a.id} の子どもへのメッセージは止まっていません。`,
    'unknown-locale': (a) => `「${a.value}」の言語には対応していません(ja・en)。`,
    'invalid-setting': (a) => `設定「${a.key}」に「${a.value}」は使えません。`,
    'unknown-delivery': (a) => `番号 ${a.id} のメッセージは見つかりません。`,
    'link-not-allowed': (a) => `このリンク(${a.url})は開けません。https・mailto・tel で始まるリンクだけを開きます。`,
    'database-too-new': (a) => `データ ${a.path} は新しいバージョンのアプリで作られています(形式 ${a.found}、このアプリは ${a.supported} まで)。データはそのままにしてあります。アプリを更新してください。`,
    'database-corrupt': (a) => `データ ${a.path} を読めません。ファイルは消さずにそのまま残しています。(${a.value})`,
    'data-readable': (a) => `データ ${a.path} は読めるので、そのままにしました。`,
    'invalid-import': () => 'このファイルは、つなぐの書き出しデータとして読めません。端末のデータは変えていません。',
    internal: (a) => `思いがけないエラーが起きました。(${a.value})`,
  },
  en: {
    'invalid-date': (a) => `"${a.value}" is not a date. Please enter it as year-month-day, like 2027-03-15.`,
    'no-dates': () => 'Please enter either a due date or a birth date.',
    'due-date-too-far': (a) => `The due date ${a.due} is more than 40 weeks away. Please check the date your clinic gave you or the one in your maternal and child health handbook.`,
    'due-date-passed': (a) => `The due date ${a.due} was more than two weeks ago. If your baby has arrived, please register with the birth date.`,
    'birth-in-future': (a) => `The birth date ${a.birth} has not come yet.`,
    'birth-before-viable': (a) => `The birth date ${a.birth} would be before 22 weeks of a pregnancy due on ${a.due}. Please check the dates.`,
    'birth-after-due-date': (a) => `The birth date ${a.birth} is more than four weeks after the due date ${a.due}. Please check the dates.`,
    'birth-too-long-ago': (a) => `The birth date ${a.birth} is more than three years ago, which is past the end of this service.`,
    'unknown-child': (a) => `There is no child number ${a.id}.`,
    'already-born': (a) => `The birth of child number ${a.id} is already recorded.`,
    'not-born': (a) => `No birth is recorded yet for child number ${a.id}.`,
    'child-ended': (a) => `Messages for child number ${a.id} are stopped. Resume them first.`,
    'child-not-ended': (a) => `Messages for child number ${a.id} are not stopped.`,
    'unknown-locale': (a) => `The language "${a.value}" is not supported (ja, en).`,
    'invalid-setting': (a) => `"${a.value}" is not a valid value for the setting "${a.key}".`,
    'unknown-delivery': (a) => `There is no message number ${a.id}.`,
    'link-not-allowed': (a) => `This link (${a.url}) cannot be opened: only https, mailto and tel links are opened.`,
    'database-too-new': (a) => `The data in ${a.path} was written by a newer version of the app (format ${a.found}; this version reads up to ${a.supported}). It has been left untouched: please update the app.`,
    'database-corrupt': (a) => `The data in ${a.path} cannot be read. The file has been kept as it is. (${a.value})`,
    'data-readable': (a) => `The data in ${a.path} can be read, so it has been left where it is.`,
    'invalid-import': () => 'This file cannot be read as a tsunagu export. Nothing on this device was changed.',
    internal: (a) => `Something unexpected went wrong. (${a.value})`,
  },
};

/** The error a command rejects with: `{code, message}`, the message in the reader's language. */
export function mockError(code: string, args: Record<string, string>, lang: Lang): { code: string; message: string } {
  const text = ERRORS[lang][code] ?? ERRORS[lang].internal;
  // Codes the contract does not list travel as `internal` (docs/ipc.md).
  const wire = code === 'unknown-delivery' || code === 'invalid-import' ? 'internal' : code;
  return { code: wire, message: text({ value: code, ...args }) };
}

/** The demo town: a fictional municipality, always marked as a sample. */
export function demoTown(lang: Lang): Town {
  const ja = lang === 'ja';
  return {
    id: 'demo',
    name: ja ? 'つなぐ町(サンプル)' : 'Tsunagu Town (sample)',
    appName: ja ? 'つなぐ' : 'tsunagu',
    sample: true,
    primaryColor: '#2e7d6f',
    accentColor: '#e0885a',
    programme: 'age3',
    description: ja
      ? '妊娠中から3歳の誕生日まで、毎朝ひとつ、その日に合ったメッセージをお届けします。町の健診や相談の案内も、時期に合わせてお知らせします。'
      : "From pregnancy to the 3rd birthday, one message each morning, written for that very day, with the town's check-ups and support timed to your family's stage.",
    contacts: [
      {
        name: ja ? 'つなぐ町こども家庭センター(サンプル)' : 'Tsunagu Town Family Support Centre (sample)',
        hours: ja ? '平日 8:30〜17:15' : 'Weekdays 8:30-17:15',
      },
      { name: ja ? '子ども医療電話相談(夜間・休日)' : "Children's medical advice line (nights and holidays)", phone: '#8000' },
      { name: ja ? '救急安心センター(実施地域のみ)' : 'Emergency advice line (where available)', phone: '#7119' },
      { name: ja ? '救急車' : 'Ambulance', phone: '119' },
    ],
  };
}
