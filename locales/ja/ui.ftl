# つなぐ: アプリ画面(ui/)の文言。キーは locales/en/ui.ftl とそろえます。
# 日付や時期(妊娠12週3日 など)は、アプリ本体が訳したものを表示します。

## アプリ全体
app-name = つなぐ
app-loading = 読み込んでいます…
app-load-failed = アプリのデータを読み込めませんでした。
error-unexpected = 思いがけないエラーが起きました。もう一度お試しください。
retry = もう一度読み込む
recover-title = 新しく始めることもできます
recover-too-new = アプリを最新版に更新すれば、このデータをそのまま使えます。更新できないときだけ、新しく始めてください。
recover-body = 読めないデータは消しません。同じ場所に別の名前で残してから、空のデータでアプリを始め直します。以前に書き出したファイルがあれば、「設定」から読み込んで戻せます。
recover-confirm = いまの子どもの登録や既読の記録は、新しいデータには入りません(古いファイルには残ります)。始め直しますか?
recover-start = 古いデータを残して、新しく始める
recover-done = 以前のデータは { $path } に残しました。
recover-next = アプリを再起動すると、空のデータで始まります。
recover-restart = アプリを再起動する
recover-reopen = アプリを一度閉じて、もう一度開いてください。空のデータで始まります。
skip-to-content = 本文へ移動
sample-badge = サンプルの町
sample-badge-note = この町は、見本として用意した架空の町です。
nav-label = メインメニュー
nav-today = 今日
nav-archive = これまで
nav-town = 町から
nav-children = 子ども
nav-settings = 設定
back = もどる
close = 閉じる
cancel = やめておく
saved = 保存しました。
child-unnamed = お子さん

## はじめての画面
welcome-from = { $town }から
welcome-title = 妊娠中から3歳まで、毎朝ひとつのメッセージを
welcome-privacy-title = アカウントはいりません
welcome-privacy = 登録した日付や読んだ記録は、この端末の中だけに保存されます。外とやりとりするのは、町からのお知らせを受け取るときだけです。
welcome-switch-language = English
welcome-register-title = お子さんを登録する
welcome-registered = { $name }を登録しました({ $stage })。
welcome-notify-title = 毎日のお知らせ
welcome-notify-text = 一日一回だけ、決めた時刻にお知らせします。通知を許可しなくても、メッセージはアプリを開けばいつでも読めます。
welcome-start = はじめる

## 登録フォーム
register-kind-legend = いまの状況
register-kind-expecting = おなかに赤ちゃんがいます
register-kind-born = 赤ちゃんが生まれています
register-due = 出産予定日
register-due-hint = 母子健康手帳や、産院で伝えられた日付です。
register-birth = 誕生日
register-born-due = 出産予定日(わかれば)
register-born-due-hint = 予定より早く生まれた場合に、修正月齢を表示するために使います。
register-nickname = 呼び名(なくてもかまいません)
register-nickname-hint = アプリの中で、お子さんを区別するためだけに使います。
register-submit = 登録する

## 通知
notify-allow = 通知を許可する
notify-allowed = 通知は許可されています。
notify-not-yet = 通知はまだ許可されていません。
notify-denied = 通知は許可されませんでした。あとから端末の設定で変えられます。
delivery-time = お知らせの時刻
delivery-time-hint = はじめは朝8時です。

## 今日
today-title = 今日
today-unread-earlier = まだ読んでいないメッセージが{ $count }通あります
today-no-message = 今日はメッセージのない日です。これまでのメッセージは「これまで」で読めます。
today-missing = 今日のメッセージは、ただいま準備中です。できあがりしだい、ここでお届けします。
today-milestone = 今日という日
today-ask-born = 出産予定日から2週間がたちました。赤ちゃんが生まれていたら、誕生日を記録してください。記録すると、赤ちゃんのためのメッセージに切り替わります。
today-record-birth = 誕生日を記録する
today-notices = 町からのお知らせ
today-notices-more = 町のお知らせをすべて見る
today-none-active = いま届いているメッセージはありません。
today-see-children = 子どもの登録を見る
stage-label = いまの時期

## メッセージ
message-bookmark = ブックマーク
message-bookmark-of = 「{ $title }」をブックマーク
message-earlier = 登録前
message-earlier-note = 登録する前の時期のメッセージです。通知はしていませんが、読むことができます。
message-untitled = (準備中のメッセージ)
message-not-written = このメッセージは、ただいま準備中です。
message-back = 一覧にもどる

## これまで(アーカイブ)
archive-title = これまでのメッセージ
archive-search-label = メッセージを検索
archive-search-hint = 例: 貧血、離乳食
archive-search-submit = 検索
archive-search-clear = 検索をやめる
archive-filter-legend = 絞り込み
archive-filter-child = 子ども
archive-filter-all-children = すべての子ども
archive-filter-unread = 未読だけ
archive-filter-bookmarked = ブックマークだけ
archive-count = { $count }件
archive-search-results = 「{ $query }」の検索結果: { $count }件
archive-empty = まだメッセージはありません。
archive-no-results = 見つかりませんでした。ほかのことばでも試してみてください。
archive-unread = 未読
archive-from-town = 町から
archive-more = さらに表示
archive-stopped-hidden = メッセージを止めた子どもの分は、上で子どもを選ぶと表示されます。

## 子ども
children-title = 子ども
children-add = 子どもを追加する
children-add-title = 子どもを追加する
child-status-expecting = 妊娠中
child-status-born = 子育て中
child-status-ended = メッセージ停止中
child-due = 出産予定日 { $date }
child-birth = 誕生日 { $date }
child-preterm = 修正月齢もあわせて表示しています。
child-born-action = 赤ちゃんが生まれました
child-edit-action = 日付を直す
child-stop-action = メッセージを止める
child-resume-action = メッセージを再開する
child-stopped-note = この子へのメッセージは止めています。
child-actions = { $name }の操作

## 日付を直す・記録を消す
edit-title = 日付を直す
edit-save = 保存する
edit-delete-title = この子の記録を消す
edit-delete-text = 登録と、これまでのメッセージの記録を、この端末から消します。元には戻せません。
edit-delete = 記録を消す
edit-delete-confirm = 消してよろしければ、もう一度押してください
edit-deleted = 記録を消しました。

## 誕生
born-title = 誕生日を記録する
born-date = 誕生日
born-submit = 記録する
born-done-title = おめでとうございます
born-done-text = 赤ちゃんの誕生、本当におめでとうございます。今日から、赤ちゃんとご家族のためのメッセージに切り替わります。まずは、ゆっくり体を休めてくださいね。
born-done-today = 今日のメッセージを見る

## メッセージを止める
stop-title = メッセージを止める
stop-intro = この子へのメッセージは、どんな理由でも、ここで止めることができます。
stop-reason-legend = 差し支えなければ、理由を選んでください(選ばなくても止められます)
stop-reason-pregnancy-loss = 妊娠中に、赤ちゃんとお別れした
stop-reason-child-loss = お子さんとお別れした
stop-reason-other = そのほかの理由
stop-continue = 次へ
stop-confirm-title = 止める前に
stop-confirm-text = 「止める」を押すと、この子へのメッセージはすべてすぐに止まり、予定していた通知も取り消されます。これまでに届いたメッセージの記録は、消さずに残ります。
stop-confirm = 止める
stop-done-title = メッセージを止めました
stop-done-text = この子へのメッセージはすべて止めました。予定していた通知も取り消しています。
stop-done-back = 子どもの一覧へ
support-title = 相談できるところ
support-text = つらいお気持ちを、一人で抱えこまないでください。かかりつけの医療機関や、町の保健師・こども家庭センターに、いつでも相談できます。
support-hours = 受付 { $hours }
support-call = { $name }に電話する
resume-title = メッセージを再開しますか
resume-text = 再開を選んだ日から、またメッセージが届きます。止めていた間の分はお知らせしません。
resume-confirm = 再開する

## 設定
settings-title = 設定
settings-notifications = お知らせ
settings-test = テスト通知を送る
settings-display = 表示と言語
settings-test-sent = テスト通知を送りました。
settings-language = 言語
language-ja = 日本語
language-en = English
settings-text-size = 文字の大きさ
text-size-standard = 標準
text-size-large = 大きめ
text-size-larger = 特大
settings-theme = 画面の色
theme-system = 端末に合わせる
theme-light = ライト
theme-dark = ダーク
settings-data = データ
settings-data-text = 記録はこの端末の中だけにあります。機種を変えるときは、ここで書き出したファイルを新しい端末で読み込んでください。
settings-export = データを書き出す
settings-exported = 書き出しました({ $file })。
settings-import-file = 読み込むファイルを選ぶ
settings-import-confirm-text = 「{ $file }」の内容で、この端末のデータ(子どもの登録・既読・ブックマーク・設定)をすべて置きかえます。よろしいですか?
settings-import-confirm = 置きかえる
settings-imported = 読み込みました。
settings-support = 相談窓口
settings-about = このアプリについて
settings-version = バージョン { $version }

## 町のお知らせ
town-title = 町のお知らせ
town-intro = { $town }から、ご家族の時期に合った行事や教室をお知らせします。
town-status = 町の情報
town-updated = 町の情報の更新: { $date }
town-checked = 最後に確かめた日時: { $date }
town-never = 町の情報は、まだ届いていません。
town-expired = 町の情報の有効期限が過ぎています。新しい情報が届くまで、これまでの情報を表示しています。
town-refresh = 最新の情報を確かめる
town-pull = 下に引っぱると、最新の情報を確かめます
town-pull-release = 指をはなすと確かめます
town-refreshing = 確かめています…
town-refreshed = 町の情報を新しくしました。
town-up-to-date = 町の情報は最新です。
town-events = 行事・教室
town-events-none = いまお知らせしている、ご家族向けの行事はありません。
town-event-when = 日時
town-event-place = 場所
town-event-open = 詳しく見る
town-event-open-note = ブラウザで開きます
link-opening-failed = リンクを開けませんでした

## 健診と予防接種
schedule-title = 健診と予防接種
schedule-link = 健診と予防接種
schedule-due-now = 今の時期
schedule-coming = これから
schedule-talk = 医療機関に相談
schedule-talk-hint = 標準的な時期を過ぎ、記録がありません。この先どうするか、医療機関(健診は市町村)に相談してください。
schedule-done = 済み
schedule-nothing = 今はありません。
schedule-window = 標準的な時期: { $first } – { $last }
schedule-earliest = 前の回からの間隔により、{ $date } 以降
schedule-done-on = 記録: { $date }
schedule-record = 記録する
schedule-record-name = { $name } を記録する
schedule-date = 日付
schedule-which = ワクチンの種類
schedule-save = 保存
schedule-cancel = やめる
schedule-correct = 日付を直す
schedule-correct-name = { $name } の日付を直す
schedule-undo = この記録を消す
schedule-future = まだ来ていない日付です。受けた日以降に記録してください。
schedule-recorded = { $name } を記録しました。
schedule-removed = { $name } の記録を消しました。
schedule-calendar = カレンダーに追加
schedule-calendar-saved = { $file } を保存しました。開くとカレンダーに予定を追加できます。
schedule-town-events = 市町村の健診
today-visits-opening = 健診と予防接種
## お子さんを家族と共有する(issue #12)
child-share-action = 家族と共有
child-shared-badge = 共有
child-shared-note = ほかのスマートフォンから共有されたお子さんです。そちらで誕生を記録したりお知らせを止めたりしたときは、新しいコードをここで追加すると更新されます。
children-add-shared = 共有されたお子さんを追加
share-title = 家族と共有
share-intro = もう一方のスマートフォン(パートナーや祖父母のもの)でこのアプリを開き、「共有されたお子さんを追加」を選んで、このコードを読み取るか、下の文字を入力してください。そのスマートフォンにも毎朝同じメッセージが届きます。
share-qr-alt = 共有コードのQRコード
share-code-label = 読み上げたり入力したりするコード
share-include-nickname = ニックネームを含める
share-holds-title = コードに含まれるもの
share-nothing-else = コードにはこれ以外のもの(メッセージ、設定、読んだ記録など)は含まれません。どこにも送信されず、読み取ったり入力したりしたスマートフォンにだけ渡ります。
share-again-title = もう一度共有してください
share-unavailable = コードを作れませんでした。
add-shared-title = 共有されたお子さんを追加
add-shared-intro = もう一方のスマートフォンの「家族と共有」に表示されているコードを、入力するか貼り付けてください。空白やハイフン、小文字が入っていてもかまいません。
add-shared-code = 共有コード
add-shared-submit = 追加する
add-shared-scan = QRコードを読み取る
add-shared-scan-failed = カメラでコードを読み取れませんでした。コードを入力することもできます。
add-shared-from-welcome = ご家族からお子さんを共有されましたか?
add-shared-confirm-title = 確認してください
add-shared-confirm-stop = このスマートフォンでも止める
add-shared-confirm-resume = このスマートフォンでも再開する
add-shared-added-title = 追加しました
add-shared-added = { $name }を共有として追加しました。このスマートフォンにも同じメッセージが届きます。
add-shared-updated-title = 更新しました
add-shared-updated = コードから{ $name }の次の内容を更新しました:
add-shared-unchanged-title = すでに最新です
add-shared-unchanged = { $name }はコードのとおり、すでにこのスマートフォンにあります。何も変更していません。
add-shared-to-today = 今日のメッセージを見る
add-shared-to-children = お子さんの一覧を見る
survey-from = 町からのアンケート
survey-answer = アンケートに答える
survey-dismiss = 今は答えない(閉じる)
survey-note = フォームはブラウザで開き、回答は町のフォームにだけ送られます。答えたかどうかは、このアプリには記録されません。
