// Sample messages for the mock, pregnancy track. Written for this mock only: short, plain, and
// in line with widely accepted guidance (母子健康手帳, public health advice). The real catalogue
// ships with the shell.
import type { Theme } from './content';

const ga = (fromWeek: number, toWeek: number) => (slot: string) => {
  const m = /^p-(\d\d)d(\d)$/.exec(slot);
  if (!m) return false;
  const w = Number(m[1]);
  return w >= fromWeek && w <= toWeek;
};

export const PREGNANCY: Theme[] = [
  {
    match: ga(4, 7),
    messages: [
      {
        ja: {
          title: '妊娠がわかったら、まず町の窓口へ',
          html: '<p>妊娠がわかったら、町の窓口に<strong>妊娠届</strong>を出しましょう。母子健康手帳と、妊婦健診の受診票を受け取れます。</p><p>受診票を使うと、健診の費用の多くを町が助成します。保健師と話せる時間もあるので、気になることがあれば遠慮なく聞いてみてください。</p>',
        },
        en: {
          title: 'Once you know: a visit to the town office',
          html: '<p>When your pregnancy is confirmed, hand in a <strong>pregnancy notification</strong> at the town office. You will receive your maternal and child health handbook and vouchers for your antenatal check-ups.</p><p>The vouchers cover much of the cost of each check-up. A public health nurse is usually there too, so bring any questions you have.</p>',
        },
      },
      {
        ja: {
          title: '疲れやすさは、からだの変化のサイン',
          html: '<p>妊娠のはじめは、眠気やだるさが強く出ることがあります。ホルモンの変化によるもので、個人差があります。</p><p>できるだけ横になれる時間をつくり、家事は「今日はここまで」で十分です。ご家族のみなさん、いつもより少し多めに手を貸してください。</p>',
        },
        en: {
          title: 'Tired all the time? Your body is busy',
          html: '<p>Early pregnancy often brings strong sleepiness and fatigue. It comes from hormonal changes, and every pregnancy is different.</p><p>Lie down when you can, and let the housework be good enough. Partners and family: this is a good week to quietly take more on.</p>',
        },
      },
    ],
  },
  {
    match: ga(8, 11),
    messages: [
      {
        ja: {
          title: 'つわりの時期は、食べられるものを',
          html: '<p>つわりのつらさは人それぞれです。食べられるときに、食べられるものを少しずつで大丈夫です。</p><p><strong>水分もとれない、尿が少ない、体重が急に減った</strong>ときは、我慢せずに産院へ電話してください。</p>',
        },
        en: {
          title: 'Morning sickness: whatever you can keep down',
          html: '<p>Nausea in pregnancy is different for everyone. Small amounts of whatever you can manage, whenever you can manage it, are fine.</p><p>If you <strong>cannot keep fluids down, pass very little urine, or lose weight quickly</strong>, call your maternity clinic rather than waiting.</p>',
        },
      },
      {
        ja: {
          title: 'パートナーにできること',
          html: '<p>においに敏感になる時期です。料理やごみ出しを代わる、換気をする、それだけでもずいぶん楽になります。</p><p>「何をしてほしい?」と聞くより、「これはやっておくね」と引き受けてみてください。</p>',
        },
        en: {
          title: 'For partners: small things that help',
          html: '<p>Smells can be overwhelming now. Taking over the cooking and the rubbish, or opening a window, makes a real difference.</p><p>Rather than asking what is needed, try saying "I will take care of this" and doing it.</p>',
        },
      },
    ],
  },
  {
    match: ga(12, 15),
    messages: [
      {
        ja: {
          title: '妊婦健診で調べていること',
          html: '<p>この時期までの健診では、血液検査で血液型や<strong>貧血</strong>、いくつかの感染症を調べます。結果は母子健康手帳に記録されます。</p><p>健診はおおむね4週に1回です。わからない言葉があれば、その場で聞いてかまいません。</p>',
        },
        en: {
          title: 'What the check-ups are looking for',
          html: '<p>Around now, blood tests check your blood group, look for <strong>anaemia</strong> and screen for some infections. The results go into your handbook.</p><p>Check-ups are roughly every four weeks for now. If a word on the form is unclear, it is fine to ask on the spot.</p>',
        },
      },
      {
        ja: {
          title: '歯の健診も、いまのうちに',
          html: '<p>妊娠中はホルモンの影響で歯ぐきが腫れやすくなります。つわりが落ち着いてきたら、歯科健診を受けておきましょう。</p><p>町の妊婦歯科健診の案内は、母子健康手帳と一緒に届いています。</p>',
        },
        en: {
          title: 'A dental check-up, while you can',
          html: '<p>Pregnancy hormones make gums swell and bleed more easily. Once the nausea eases, book a dental check-up.</p><p>The town\'s pregnancy dental check is described in the papers that came with your handbook.</p>',
        },
      },
    ],
  },
  {
    match: ga(16, 19),
    messages: [
      {
        ja: {
          title: '安定期でも、無理は禁物',
          html: '<p>おなかが少しずつふくらみ、体調が落ち着く人が多い時期です。散歩など軽い運動は気分転換にもなります。</p><p>ただし、<strong>出血やおなかの痛み</strong>があるときは、休日や夜間でも産院に電話してください。</p>',
        },
        en: {
          title: 'The settled months, gently',
          html: '<p>Many people feel better now as the bump starts to show. A walk or other light exercise can lift your mood.</p><p>If you notice <strong>bleeding or pain in your belly</strong>, call your maternity clinic, even at night or on a holiday.</p>',
        },
      },
      {
        ja: {
          title: '働く人の妊娠と、職場への相談',
          html: '<p>通勤ラッシュや立ち仕事がつらいときは、職場に相談できます。健診の時間を確保することも、事業主の義務です。</p><p>医師の指示を職場に伝えるための「母性健康管理指導事項連絡カード」は、母子健康手帳にも載っています。</p>',
        },
        en: {
          title: 'Pregnant at work: you can ask',
          html: '<p>If rush-hour commutes or long hours on your feet are hard, talk to your employer. They must also give you time for check-ups.</p><p>Your handbook includes a card your doctor can fill in to pass their advice on to your workplace.</p>',
        },
      },
    ],
  },
  {
    match: ga(20, 23),
    messages: [
      {
        ja: {
          title: '胎動を感じるころ',
          html: '<p>おなかの中で、ぽこっと動く感じがしてきたでしょうか。はじめて感じる時期には個人差があります。</p><p>パートナーやご家族も、おなかに手を当てて話しかけてみてください。赤ちゃんの耳は、少しずつ音を聞けるようになっています。</p>',
        },
        en: {
          title: 'The first kicks',
          html: '<p>Have you felt a flutter or a little bump from inside? When the first movements are noticed varies a lot.</p><p>Partners and family, put a hand on the bump and say hello: your baby is slowly beginning to hear.</p>',
        },
      },
      {
        ja: {
          title: '両親学級で、いっしょに準備',
          html: '<p>町の両親学級では、沐浴の練習や、産後の暮らしの話が聞けます。同じ時期に出産する家族と知り合えるのも心強いものです。</p><p>パートナーの参加も大歓迎です。申し込み方法は、町からのお知らせを見てください。</p>',
        },
        en: {
          title: 'Antenatal classes, together',
          html: '<p>The town\'s parenting classes cover bathing a newborn and life after the birth. Meeting families due around the same time helps too.</p><p>Partners are very welcome. See the town\'s notices for how to sign up.</p>',
        },
      },
    ],
  },
  {
    match: ga(24, 27),
    messages: [
      {
        ja: {
          title: '貧血になりやすい時期です',
          html: '<p>妊娠中期は血液の量が増えるため、<strong>貧血</strong>になりやすくなります。立ちくらみや息切れが増えたら、健診で伝えてください。</p><ul><li>赤身の肉や魚、青菜、大豆製品をこまめに</li><li>果物などのビタミンCは、鉄の吸収を助けます</li></ul><p>サプリメントや薬は自己判断せず、健診で相談しましょう。</p>',
        },
        en: {
          title: 'Watching for anaemia',
          html: '<p>Your blood volume keeps growing in mid-pregnancy, which makes <strong>anaemia</strong> more likely. Tell your midwife or doctor if you feel faint or short of breath more often.</p><ul><li>Lean meat, fish, leafy greens and soy foods, little and often</li><li>Fruit and other sources of vitamin C help you absorb iron</li></ul><p>Ask at your check-up before taking any supplement or medicine.</p>',
        },
      },
      {
        ja: {
          title: 'むくみと頭痛に気をつけて',
          html: '<p>足のむくみはよくあることですが、<strong>顔や手が急にむくむ、強い頭痛、目がチカチカする</strong>ときは、血圧が上がっているサインかもしれません。</p><p>その日のうちに産院へ電話してください。</p>',
        },
        en: {
          title: 'Swelling and headaches',
          html: '<p>Swollen ankles are common. But <strong>sudden swelling of the face or hands, a bad headache, or flashing lights in your eyes</strong> can mean your blood pressure is rising.</p><p>Call your maternity clinic the same day.</p>',
        },
      },
    ],
  },
  {
    match: ga(28, 31),
    messages: [
      {
        ja: {
          title: '妊娠後期、健診は2週に1回に',
          html: '<p>ここからは健診がおおむね2週に1回になります。寝るときは横向きのほうが楽な人が多い時期です。</p><p><strong>おなかの張りが規則的に続く、出血がある、水のようなものが流れる</strong>ときは、すぐ産院に電話してください。</p>',
        },
        en: {
          title: 'The third trimester: check-ups every two weeks',
          html: '<p>Check-ups now come roughly every two weeks. Many people find it easier to sleep on their side.</p><p>If your belly <strong>tightens regularly, you bleed, or fluid leaks</strong>, call your maternity clinic straight away.</p>',
        },
      },
      {
        ja: {
          title: '産後の手伝いを、いまから相談',
          html: '<p>退院してからの数週間は、ママの体を休める時期です。誰が家事をするか、上の子のお世話はどうするか、家族で話しておきましょう。</p><p>頼れる人が近くにいないときは、町の産後ケアや家事支援も使えます。</p>',
        },
        en: {
          title: 'Planning help for after the birth',
          html: '<p>The first weeks at home are for recovering. Talk now about who cooks, who cleans and who looks after older children.</p><p>If there is no family nearby, the town\'s postnatal care and home-help services are there for you.</p>',
        },
      },
    ],
  },
  {
    match: ga(32, 35),
    messages: [
      {
        ja: {
          title: '入院の準備をはじめましょう',
          html: '<ul><li>母子健康手帳、診察券、保険証</li><li>産院の電話番号と、夜間の連絡先</li><li>陣痛タクシーや、送ってくれる人の連絡先</li></ul><p>バッグは玄関近くに。家族みんなが置き場所を知っていると安心です。</p>',
        },
        en: {
          title: 'Packing for the hospital',
          html: '<ul><li>Your handbook, clinic card and health insurance card</li><li>The clinic\'s phone number, including the night line</li><li>A taxi service that takes women in labour, or who will drive you</li></ul><p>Keep the bag by the door, and make sure everyone at home knows where it is.</p>',
        },
      },
      {
        ja: {
          title: '赤ちゃんの寝る場所を決めておく',
          html: '<p>赤ちゃんは、<strong>かためのマットの上に、あおむけで</strong>寝かせます。まわりにぬいぐるみや柔らかい布団を置かないのが安全です。</p><p>ベビーベッドか、大人の布団から少し離したスペースを、いまのうちに用意しておきましょう。</p>',
        },
        en: {
          title: 'Getting the sleep space ready',
          html: '<p>Babies sleep safest <strong>on their back, on a firm mattress</strong>, with no soft toys, pillows or loose bedding around them.</p><p>Set up a cot, or a clear space a little apart from the adults\' bedding, before the baby comes.</p>',
        },
      },
    ],
  },
  {
    match: ga(36, 39),
    messages: [
      {
        ja: {
          title: 'お産のはじまりのサイン',
          html: '<p>規則的な陣痛、破水、出血などが、お産のはじまりのサインです。<strong>破水したと思ったら、すぐに産院へ電話</strong>を。</p><p>陣痛は、産院で教わった間隔を目安に電話しましょう。迷ったら電話して大丈夫です。</p>',
        },
        en: {
          title: 'Signs that labour is starting',
          html: '<p>Regular contractions, your waters breaking or a show of blood are signs that labour is starting. <strong>If you think your waters have broken, call the clinic right away.</strong></p><p>For contractions, call when they reach the interval your clinic gave you. If in doubt, call.</p>',
        },
      },
      {
        ja: {
          title: '臨月の毎日を、ゆっくり',
          html: '<p>いつ始まってもいい時期です。体が動くうちに、好きなものを食べたり、ゆっくり眠ったりする時間を大切に。</p><p>ご家族は、連絡がつきやすいように携帯を手元に置いておきましょう。</p>',
        },
        en: {
          title: 'Full term, one slow day at a time',
          html: '<p>Labour could start any day now. Enjoy a favourite meal, a long sleep, a slow walk while you can.</p><p>Family members: keep your phone close so you can be reached.</p>',
        },
      },
    ],
  },
  {
    match: ga(40, 41),
    messages: [
      {
        ja: {
          title: '予定日を過ぎても、あわてずに',
          html: '<p>出産予定日は目安で、過ぎることはよくあります。健診の回数が増え、赤ちゃんの様子を確かめていきます。</p><p><strong>胎動がいつもより少ない</strong>と感じたら、様子を見ずに産院に電話してください。</p>',
        },
        en: {
          title: 'Past the due date',
          html: '<p>A due date is an estimate, and going past it is common. You will have more frequent check-ups to see how the baby is doing.</p><p>If the baby <strong>moves less than usual</strong>, call your clinic rather than waiting to see.</p>',
        },
      },
    ],
  },
];
