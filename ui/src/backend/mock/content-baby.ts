// Sample messages for the mock, baby track (age 0 to the 3rd birthday). The 2nd year is left
// unwritten on purpose, so the mock also shows a slot that is still being written.
import type { Theme } from './content';

const days = (from: number, to: number) => (slot: string) => {
  const m = /^b-(\d{4})$/.exec(slot);
  if (!m) return false;
  const n = Number(m[1]);
  return n >= from && n <= to;
};

export const BABY: Theme[] = [
  {
    match: days(0, 6),
    messages: [
      {
        ja: {
          title: '赤ちゃんとの最初の一週間',
          html: '<p>赤ちゃんは、欲しがるときに欲しがるだけ飲みます。1日に何度も起きるのはふつうのことです。</p><p>ママの体は、出産で大きく疲れています。眠れるときに眠り、家のことはまわりに任せてください。</p>',
        },
        en: {
          title: 'The first week together',
          html: '<p>Newborns feed whenever they are hungry, many times a day and night. That is normal.</p><p>Giving birth is hard on the body. Sleep when you can, and let others handle the house.</p>',
        },
      },
      {
        ja: {
          title: '出生届は14日以内に',
          html: '<p>出生届は、生まれた日を含めて<strong>14日以内</strong>に出します。出生証明書は産院で書いてもらえます。</p><p>児童手当や子どもの医療費助成の手続きも、同じ窓口でまとめてできることが多いです。</p>',
        },
        en: {
          title: 'Registering the birth within 14 days',
          html: '<p>The birth must be registered <strong>within 14 days</strong>, counting the day of birth. The clinic fills in the birth certificate part of the form.</p><p>Child allowance and children\'s medical expense support can usually be arranged at the same counter.</p>',
        },
      },
    ],
  },
  {
    match: days(7, 27),
    messages: [
      {
        ja: {
          title: '泣きやまないときは',
          html: '<p>おむつも授乳も済んだのに泣きやまない。そんな日もあります。赤ちゃんが泣くのは、あなたのせいではありません。</p><p>つらくなったら、<strong>赤ちゃんをあおむけで安全な場所に寝かせて、その場を少し離れて</strong>深呼吸を。赤ちゃんを揺さぶることだけは、絶対にしないでください。</p>',
        },
        en: {
          title: 'When the crying will not stop',
          html: '<p>Fed, changed, and still crying: some days are like that. A crying baby is not a sign that you are doing something wrong.</p><p>If it gets too much, <strong>lay the baby on their back somewhere safe and step away for a few minutes</strong> to breathe. Never shake a baby.</p>',
        },
      },
      {
        ja: {
          title: 'あおむけで、かための寝床に',
          html: '<p>寝るときは、<strong>あおむけ</strong>で。顔のまわりにタオルやぬいぐるみを置かないようにしましょう。</p><p>大人と同じ布団で寝るときは、赤ちゃんの上に布団がかからないよう気をつけてください。</p>',
        },
        en: {
          title: 'On the back, on a firm surface',
          html: '<p>Put your baby to sleep <strong>on their back</strong>, with no towels or soft toys near their face.</p><p>If your baby sleeps near you, make sure adult bedding cannot cover them.</p>',
        },
      },
    ],
  },
  {
    match: days(28, 59),
    messages: [
      {
        ja: {
          title: '1か月健診のころ',
          html: '<p>1か月健診では、体重の増え方や、おへそ、黄疸のようすなどを見てもらいます。聞きたいことはメモにして持っていきましょう。</p><p>母子健康手帳の<strong>便色カード</strong>で、うんちの色も確かめてください。白っぽい色が続くときは、すぐ受診を。</p>',
        },
        en: {
          title: 'The one-month check-up',
          html: '<p>At the one-month check-up, the doctor looks at weight gain, the navel and any jaundice. Write your questions down and bring them.</p><p>Compare your baby\'s poo with the <strong>stool colour card</strong> in your handbook. If it stays pale, see a doctor promptly.</p>',
        },
      },
      {
        ja: {
          title: 'ママの気持ちも、大切に',
          html: '<p>産後は、わけもなく涙が出たり、気持ちが沈んだりすることがあります。<strong>2週間以上続く</strong>ときは、ひとりで抱えずに保健師や産院に話してください。</p><p>パートナーやご家族も、「最近どう?」と声をかけてみてください。</p>',
        },
        en: {
          title: 'How are you feeling?',
          html: '<p>After a birth, tears and low moods can come out of nowhere. If they <strong>last more than two weeks</strong>, please talk to a public health nurse or your clinic.</p><p>Partners and family: ask "how are you, really?" and listen.</p>',
        },
      },
    ],
  },
  {
    match: days(60, 100),
    messages: [
      {
        ja: {
          title: '生後2か月から、予防接種がはじまります',
          html: '<p>生後2か月になると、いくつかの定期予防接種が始まります。同時に何種類か受けるのがふつうで、町の案内と母子健康手帳の予定表が目安になります。</p><p>かかりつけの小児科を決めておくと、予約や相談がしやすくなります。</p>',
        },
        en: {
          title: 'Vaccinations start at two months',
          html: '<p>From two months, the routine vaccinations begin. Several are usually given at the same visit; the town\'s letter and the schedule in your handbook show the timing.</p><p>Choosing a regular paediatrician now makes booking and asking questions easier.</p>',
        },
      },
      {
        ja: {
          title: '家庭訪問で、気軽に相談を',
          html: '<p>生後4か月ごろまでに、保健師や助産師が家庭訪問に来てくれます。体重をはかったり、授乳や眠りのことを相談したりできます。</p><p>部屋が片づいていなくても大丈夫。話を聞いてもらうだけでも、気持ちが軽くなります。</p>',
        },
        en: {
          title: 'A home visit, just to talk',
          html: '<p>By about four months, a public health nurse or midwife visits every family. They weigh the baby and talk through feeding and sleep.</p><p>The house does not need to be tidy. Simply being listened to helps.</p>',
        },
      },
    ],
  },
  {
    match: days(101, 179),
    messages: [
      {
        ja: {
          title: '寝返りの前に、落ちない工夫を',
          html: '<p>寝返りは思ったより早く始まることがあります。ソファやベッドの上に、赤ちゃんだけを残さないようにしましょう。</p><p>おむつ替えも、床の上でするのがいちばん安全です。</p>',
        },
        en: {
          title: 'Before rolling over: no falls',
          html: '<p>Rolling can start sooner than you expect. Do not leave your baby alone on a sofa or an adult bed.</p><p>Changing nappies on the floor is the safest option.</p>',
        },
      },
      {
        ja: {
          title: '離乳食は、5〜6か月ごろから',
          html: '<p><strong>離乳食</strong>は、生後5〜6か月ごろ、首がすわって支えると座れるようになったら始めどきです。</p><p>最初はなめらかにすりつぶしたおかゆを、1日1さじから。はちみつは1歳までは与えないでください。</p>',
        },
        en: {
          title: 'Solid food from around five to six months',
          html: '<p>Babies are usually ready for <strong>solid food</strong> at around five to six months, once their head is steady and they can sit with support.</p><p>Start with one spoonful a day of smooth rice porridge. No honey before the first birthday.</p>',
        },
      },
    ],
  },
  {
    match: days(180, 270),
    messages: [
      {
        ja: {
          title: '離乳食、新しい食材は一つずつ',
          html: '<p><strong>離乳食</strong>で新しい食材を試すときは、1日1種類、少量から。体調の変化に気づきやすく、受診もしやすい午前中がおすすめです。</p><p>食べる量は日によってちがいます。少なくても心配しすぎなくて大丈夫です。</p>',
        },
        en: {
          title: 'One new food at a time',
          html: '<p>When trying a new food, offer one new thing a day, a little at first, ideally in the morning when a clinic is open if needed.</p><p>How much your baby eats changes from day to day, and that is fine.</p>',
        },
      },
      {
        ja: {
          title: '口に入る大きさのものは片づけて',
          html: '<p>はいはいが始まると、床の小さなものを何でも口に入れます。<strong>直径4cm弱</strong>のものは、のどに詰まるおそれがあります。</p><p>ボタン電池やたばこを飲み込んだかもしれないときは、すぐに受診してください。</p>',
        },
        en: {
          title: 'Anything small goes in the mouth',
          html: '<p>Once crawling starts, everything on the floor ends up in the mouth. Objects <strong>under about 4 cm across</strong> can block the airway.</p><p>If your baby may have swallowed a button battery or tobacco, see a doctor immediately.</p>',
        },
      },
    ],
  },
  {
    match: days(271, 362),
    messages: [
      {
        ja: {
          title: 'つかまり立ちと、お風呂の水',
          html: '<p>つかまり立ちができるようになると、浴室にも入っていけます。<strong>浴槽の残り湯は抜き</strong>、浴室のドアは閉めておきましょう。</p><p>わずかな水でも、赤ちゃんはおぼれることがあります。</p>',
        },
        en: {
          title: 'Pulling up, and the bath water',
          html: '<p>Once your baby pulls up to stand, they can reach the bathroom. <strong>Empty the bath after use</strong> and keep the door shut.</p><p>Babies can drown in very little water.</p>',
        },
      },
      {
        ja: {
          title: '9〜10か月健診のころ',
          html: '<p>はいはい、おすわり、つかまり立ち。できるようになる順番や時期には、個人差があります。</p><p>健診は、心配ごとを相談できる機会です。ちょっとしたことでも聞いてみてください。</p>',
        },
        en: {
          title: 'The nine-to-ten-month check-up',
          html: '<p>Crawling, sitting, pulling up: the order and timing differ from baby to baby.</p><p>The check-up is a chance to ask about anything at all, however small.</p>',
        },
      },
    ],
  },
  {
    match: (slot) => slot.startsWith('y1-'),
    messages: [
      {
        ja: {
          title: '歩きはじめのころの安全',
          html: '<p>歩きはじめは1歳前後から1歳半ごろまで、個人差があります。転びやすい時期なので、テーブルの角や階段に気をつけましょう。</p><p>駐車場では、必ず手をつないで。</p>',
        },
        en: {
          title: 'Safety for first steps',
          html: '<p>First steps come anywhere from around one year to eighteen months. Watch for table corners and stairs while they are still unsteady.</p><p>In car parks, always hold hands.</p>',
        },
      },
      {
        ja: {
          title: 'ことばの芽を育てる',
          html: '<p>「わんわん」「まんま」など、意味のあることばが出てくるころです。出てくる時期には幅があります。</p><p>指さしに「そうだね、ねこだね」と言葉を添えるだけで、十分な語りかけになります。1歳6か月児健診でも相談できます。</p>',
        },
        en: {
          title: 'Words on the way',
          html: '<p>First words like "woof" or "more" tend to appear now, though the timing varies widely.</p><p>Naming what your child points at, "yes, a cat!", is all the talking practice they need. You can ask about speech at the 18-month check-up.</p>',
        },
      },
    ],
  },
  {
    match: (slot) => slot === 'y3',
    messages: [
      {
        ja: {
          title: '3歳の誕生日に',
          html: '<p>妊娠中から今日まで、毎日のメッセージにおつきあいいただき、ありがとうございました。これが最後のメッセージです。</p><p>3歳児健診のお知らせも町から届きます。これからも、困ったときは町の窓口がいつでも相談にのります。</p>',
        },
        en: {
          title: 'On the third birthday',
          html: '<p>Thank you for reading along, every day, since pregnancy. This is the last message.</p><p>The town will send details of the three-year check-up, and its family support centre is always there when you need it.</p>',
        },
      },
    ],
  },
];
