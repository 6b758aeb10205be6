// The mock's town feed (docs/feed.md): the demo town's overlays on their exact days, two event
// notices dated from the mock's today, and what the app knows about the feed. Bodies are what the
// shell would send: Markdown already rendered and sanitised (p strong ul ol li a br).
import type { EventView, Lang, Notice } from '../types';
import { dueOn, onBabyTrack, type MockChild, type Programme } from './cadence';
import { addMonths, birthday, completedMonths, gestationalDays } from './dates';
import { dateLabel } from './labels';

type Text = { ja: Notice; en: Notice };

const TEL = '<a href="tel:0000-00-0000" rel="noopener noreferrer">0000-00-0000</a>';

/** When an overlay falls (feed.md `at`): a gestational day, a day since birth, months of age, a birthday. */
export type At = { pregnancy: number } | { days: number } | { months: number } | { birthday: number };

export const OVERLAYS: { key: string; at: At; text: Text }[] = [
  {
    key: 'pregnancy-desk',
    at: { pregnancy: 8 * 7 },
    text: {
      ja: {
        title: '妊娠の届出と母子健康手帳(サンプル)',
        html: `<p>妊娠8週になりました。医療機関で妊娠がわかったら、<strong>こども家庭センター</strong>で妊娠の届出をしましょう。</p><ul><li>母子健康手帳と、妊婦健診の受診票をお渡しします</li><li>保健師が体調や暮らしのことをうかがいます(20分ほど)</li><li>受付: 平日 8:30〜17:15</li></ul><p>電話での相談は ${TEL} へ(サンプルの番号です)。</p>`,
      },
      en: {
        title: 'Registering your pregnancy (sample)',
        html: `<p>You are 8 weeks pregnant. Once a clinic has confirmed the pregnancy, register it at the <strong>Family Support Centre</strong>.</p><ul><li>You receive the maternal and child health handbook and vouchers for your check-ups</li><li>A public health nurse asks how you are and how things are at home (about 20 minutes)</li><li>Open weekdays 8:30-17:15</li></ul><p>Questions by phone: ${TEL} (a sample number).</p>`,
      },
    },
  },
  {
    key: 'checkup-vouchers',
    at: { pregnancy: 12 * 7 },
    text: {
      ja: {
        title: '妊婦健診の受診票を使いましょう(サンプル)',
        html: '<p>妊婦健診は、出産までに14回ほど受けるのが目安です。母子健康手帳と一緒にお渡しした<strong>受診票</strong>を持って行くと、健診費用の多くが助成されます。</p><ul><li>町外の医療機関や里帰り先で受けた分は、あとから申請できます</li><li>受診票をなくしたときは、こども家庭センターで再発行できます</li></ul>',
      },
      en: {
        title: 'Using your check-up vouchers (sample)',
        html: '<p>Most pregnancies have about 14 check-ups before the birth. Bring the <strong>vouchers</strong> you received with your handbook and most of the cost is covered.</p><ul><li>Check-ups outside the town, or while staying with family, can be claimed afterwards</li><li>Lost vouchers can be reissued at the Family Support Centre</li></ul>',
      },
    },
  },
  {
    key: 'newborn-visit',
    at: { days: 14 },
    text: {
      ja: {
        title: '赤ちゃん訪問のご連絡(サンプル)',
        html: `<p>生後4週ごろまでに、保健師か助産師がご自宅にうかがいます。赤ちゃんの体重をはかり、授乳や睡眠、ご家族の体調のことを一緒に考えます。</p><p>近いうちに日程のご連絡をします。ご都合が合わないときや、早めに来てほしいときは ${TEL} へ(サンプルの番号です)。<a href="https://example.jp/tsunagu-demo/newborn-visit" rel="noopener noreferrer" target="_blank">訪問について詳しく</a></p>`,
      },
      en: {
        title: 'Your newborn home visit (sample)',
        html: `<p>Before your baby is about 4 weeks old, a public health nurse or midwife visits you at home: weighing the baby and talking through feeding, sleep and how the family is doing.</p><p>We will call soon to agree a day. If the timing is hard, or you would like us sooner, call ${TEL} (a sample number). <a href="https://example.jp/tsunagu-demo/newborn-visit" rel="noopener noreferrer" target="_blank">More about the visit</a></p>`,
      },
    },
  },
  {
    key: 'checkup-4m',
    at: { months: 4 },
    text: {
      ja: {
        title: '4か月児健診のご案内(サンプル)',
        html: '<p>今日で生後4か月です。<strong>4か月児健診</strong>は、保健センターで毎月第2火曜日に行っています。案内のはがきで日にちを確かめてください。</p><ul><li>持ち物: 母子健康手帳、問診票、バスタオル</li><li>受付: 13:00〜13:45</li></ul>',
      },
      en: {
        title: 'The 4-month check-up (sample)',
        html: '<p>Your baby is 4 months old today. The <strong>4-month check-up</strong> is held at the Health Centre on the second Tuesday of each month; your invitation card gives your date.</p><ul><li>Bring: the handbook, the questionnaire, a bath towel</li><li>Reception: 13:00-13:45</li></ul>',
      },
    },
  },
  {
    key: 'birthday-card',
    at: { birthday: 1 },
    text: {
      ja: {
        title: '町長からのバースデーカード(サンプル)',
        html: '<p>1歳のお誕生日、おめでとうございます。町長からのバースデーカードを、こども家庭センターの窓口でお渡ししています。</p><p>この1年、本当におつかれさまでした。これからも町のみんなで見守っています。</p>',
      },
      en: {
        title: 'A birthday card from the mayor (sample)',
        html: '<p>Happy 1st birthday! A birthday card from the mayor is waiting for you at the Family Support Centre desk.</p><p>Well done on a whole year. The town is here for you in the years ahead too.</p>',
      },
    },
  },
  {
    key: 'checkup-18m',
    at: { months: 18 },
    text: {
      ja: {
        title: '1歳6か月児健診のご案内(サンプル)',
        html: '<p>今日で1歳6か月です。<strong>1歳6か月児健診</strong>では、からだの発達のほか、ことばや歯のこともみます。歯科健診とフッ化物塗布もあります。</p><ul><li>案内のはがきは、健診の1か月前ごろに届きます</li><li>持ち物: 母子健康手帳、問診票、歯ブラシ</li></ul>',
      },
      en: {
        title: 'The 18-month check-up (sample)',
        html: '<p>Your child is 1 year 6 months old today. The <strong>18-month check-up</strong> looks at growth, first words and teeth, with a dental check and fluoride.</p><ul><li>The invitation card arrives about a month before</li><li>Bring: the handbook, the questionnaire, a toothbrush</li></ul>',
      },
    },
  },
];

/**
 * The overlays falling on `today` for a child: the pregnancy forms while the child is on the
 * pregnancy track (`ga`), the others from the recorded birth on (`birth`).
 */
function overlayItemsOn(today: number, track: { ga: number } | { birth: number }, lang: Lang): { key: string; notice: Notice }[] {
  return OVERLAYS.filter(({ at }) => {
    if ('pregnancy' in at) return 'ga' in track && track.ga === at.pregnancy;
    if (!('birth' in track)) return false;
    const b = track.birth;
    if ('days' in at) return today - b === at.days;
    if ('months' in at) return addMonths(b, at.months) === today;
    return birthday(b, at.birthday) === today;
  }).map((o) => ({ key: o.key, notice: o.text[lang] }));
}

/**
 * The overlays on one child's day, as the shell finds them: nothing when no message runs that day
 * (before registration, after stopping, past the programme); pregnancy ones until the birth is
 * recorded, the baby's from then on.
 */
export function childOverlaysOn(c: MockChild, programme: Programme, day: number, lang: Lang): { key: string; notice: Notice }[] {
  if (!dueOn(c, programme, day)) return [];
  if (onBabyTrack(c, day)) return overlayItemsOn(day, { birth: c.birth! }, lang);
  return c.dueDate === null ? [] : overlayItemsOn(day, { ga: gestationalDays(c.dueDate, day) }, lang);
}

/** The overlays a child has had on its days so far, from registration to `today`, newest first. */
export function townArchive(c: MockChild, programme: Programme, today: number, lang: Lang): { day: number; key: string; notice: Notice }[] {
  const out: { day: number; key: string; notice: Notice }[] = [];
  for (let day = today; day >= c.registeredOn; day--) {
    for (const o of childOverlaysOn(c, programme, day, lang)) out.push({ day, ...o });
  }
  return out;
}

/** A child as the events need it: the due date and the birth, if any. */
export type Family = { dueDate: number | null; birth: number | null }[];

type Range = { pregnancy: [number, number] } | { months: [number, number] };

type MockEvent = {
  key: string;
  /** Days from the mock's today, and the hours. */
  in: number;
  from: string;
  to: string;
  stages: Range[];
  url: string;
  text: { ja: { title: string; html: string; place: string }; en: { title: string; html: string; place: string } };
};

const EVENTS: MockEvent[] = [
  {
    key: 'parents-class',
    in: 24,
    from: '10:00',
    to: '12:00',
    stages: [{ pregnancy: [16 * 7, 35 * 7 + 6] }],
    url: 'https://example.jp/tsunagu-demo/parents-class',
    text: {
      ja: {
        title: '両親学級(サンプル)',
        place: 'つなぐ町保健センター 2階 研修室',
        html: `<p>赤ちゃんを迎える準備を、助産師と一緒にしませんか。沐浴の練習や、妊娠中のからだのこと、産後の暮らしについてお話しします。</p><ul><li>対象: 妊娠16週〜35週の方とそのご家族</li><li>定員: 10組(申し込み順)</li><li>申し込み: ${TEL}(サンプルの番号です)</li></ul><p>持ち物は<a href="https://example.jp/tsunagu-demo/parents-class#bring" rel="noopener noreferrer" target="_blank">町のページ</a>で確かめられます。</p>`,
      },
      en: {
        title: 'Class for parents-to-be (sample)',
        place: 'Tsunagu Town Health Centre, 2nd floor',
        html: `<p>Get ready for your baby with our midwives: bath-time practice, your body in pregnancy, and life after the birth.</p><ul><li>For: 16 to 35 weeks pregnant, with family</li><li>Places: 10 families, first come first served</li><li>Book: ${TEL} (a sample number)</li></ul><p>What to bring is on <a href="https://example.jp/tsunagu-demo/parents-class#bring" rel="noopener noreferrer" target="_blank">the town's page</a>.</p>`,
      },
    },
  },
  {
    key: 'open-day',
    in: 45,
    from: '10:00',
    to: '15:00',
    stages: [{ months: [0, 36] }],
    url: 'https://example.jp/tsunagu-demo/open-day',
    text: {
      ja: {
        title: '子育て支援センターのオープンデー(サンプル)',
        place: 'つなぐ町子育て支援センター',
        html: '<p>予約なしで、どなたでも遊びに来られる日です。保育士や栄養士に、離乳食や寝かしつけのことを気軽に相談できます。</p><ul><li>出入り自由、参加無料</li><li>妊娠中の方の見学も歓迎します</li></ul>',
      },
      en: {
        title: 'Open day at the Parenting Support Centre (sample)',
        place: 'Tsunagu Town Parenting Support Centre',
        html: '<p>Drop in, no booking needed. Childcare workers and a nutritionist are there to talk about weaning, sleep or anything else.</p><ul><li>Come and go as you like; free</li><li>Expecting parents are welcome to look around</li></ul>',
      },
    },
  },
];

/** Whether a child is in one of the ranges on `day` (a baby not yet born is projected from the due date). */
function concerns(child: Family[number], ranges: Range[], day: number): boolean {
  if (ranges.length === 0) return true;
  const born = child.birth ?? (child.dueDate !== null && day >= child.dueDate ? child.dueDate : null);
  return ranges.some((r) => {
    if ('pregnancy' in r) {
      if (born !== null || child.dueDate === null) return false;
      const ga = gestationalDays(child.dueDate, day);
      return ga >= r.pregnancy[0] && ga <= r.pregnancy[1];
    }
    if (born === null) return false;
    const m = completedMonths(born, day);
    return m >= r.months[0] && m <= r.months[1];
  });
}

/** The current event notices that concern this family (children still receiving messages), soonest first. */
export function eventsFor(today: number, family: Family, lang: Lang): EventView[] {
  return EVENTS.filter((e) => family.some((c) => concerns(c, e.stages, today + e.in)))
    .sort((a, b) => a.in - b.in)
    .map((e) => ({
      id: e.key,
      title: e.text[lang].title,
      html: e.text[lang].html,
      when: `${dateLabel(today + e.in, lang)} ${e.from}–${e.to}`,
      place: e.text[lang].place,
      url: e.url,
    }));
}

/** What the shell says when a check of the town's feed failed (`town-sync-failed` in the shell's locales). */
export function syncFailed(lang: Lang): string {
  return lang === 'ja'
    ? '町の情報を更新できませんでした。通信環境のよいところで、もう一度お試しください。これまでの情報はそのまま表示しています。'
    : "The town's information could not be updated. Please try again with a better connection; the information you have stays as it is.";
}

/** A moment as the shell writes it: the date label and the local time. */
export function momentLabel(day: number, time: string, lang: Lang): string {
  return `${dateLabel(day, lang)} ${time}`;
}

/** Links `open_link` accepts (docs/ipc.md): https, mailto and tel. */
export function isAllowedLink(url: string): boolean {
  return /^(https:\/\/[^\s/]+|mailto:\S+|tel:\S+)/i.test(url.trim());
}
