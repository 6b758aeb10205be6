# tsunagu: 画面とコマンドの文言(日本語)。キーは locales/en/tsunagu.ftl と同じものをそろえます。

## コマンドの説明
cli-about = つなぐ: 妊娠から3歳までの毎日のメッセージを、町のみなさんと家族へ。
cli-about-child = 子どもの登録・出生の記録・配信の停止と再開
cli-about-today = 今日のメッセージ
cli-about-plan = 家族ごとの配信予定をすべて表示
cli-about-archive = これまでに届いたメッセージ(新しい順)
cli-about-search = これまでのメッセージを検索(日本語の一部分でも探せます)
cli-about-calendar = 子どものこれからの健診と予防接種をカレンダーのファイル(.ics)に書き出す
cli-about-catalogue = メッセージ集の点検

## 年齢と時期
age-gestation = 妊娠{ $weeks }週{ $days }日
age-days = 生後{ $days }日
age-months = { $years ->
    [0] 生後{ $months }か月
   *[other] { $months ->
        [0] { $years }歳
       *[other] { $years }歳{ $months }か月
    }
}
# 早く生まれた赤ちゃんの修正齢。生まれているので「妊娠」とは書かない(新生児科の書き方: 修正37週5日)。
corrected-gestation = 修正{ $weeks }週{ $days }日
corrected-days = 修正{ $days }日
corrected-months = 修正{ $years ->
    [0] { $months }か月
   *[other] { $months ->
        [0] { $years }歳
       *[other] { $years }歳{ $months }か月
    }
}
stage-with-corrected = { $actual }({ $corrected })

## 区切りの日
milestone-stable-period = 妊娠16週。いわゆる安定期に入るころです。
milestone-full-term = 妊娠36週。今日から臨月です。
milestone-due-date = 今日は出産予定日です。
milestone-days = 生後{ $days }日。ここまで一日一日を重ねてきました。

## 日付
date = { $year }年{ $month }月{ $day }日({ $weekday })
weekday-0 = 月
weekday-1 = 火
weekday-2 = 水
weekday-3 = 木
weekday-4 = 金
weekday-5 = 土
weekday-6 = 日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

## 子ども
child-none = 登録されている子どもはいません。
child-unnamed = (ニックネームなし)
child-due = 出産予定日 { $date }
child-birth = 誕生日 { $date }
status-expecting = 妊娠中
status-born = 誕生
status-ended-pregnancy-loss = 配信停止
status-ended-child-loss = 配信停止
status-ended-other = 配信停止
child-ended-support = この子へのメッセージはすべて止めました。予定していた通知も取り消しています。つらいお気持ちを一人で抱えこまないでください。かかりつけの医療機関や、お住まいの市区町村の保健師・こども家庭センターに、いつでも相談できます。再開はご家族が望まれたときだけ行えます。

## 今日
today-no-message = 今日はメッセージのない日です。これまでのメッセージはアーカイブで読めます。
today-stopped = この子へのメッセージは止めています。
today-outside = 今日は配信の期間外です。
message-missing = この日のメッセージ({ $slot })は準備中です。
ask-if-born = 出産予定日から2週間がたちました。赤ちゃんが生まれていたら、誕生日を記録してください。記録すると、赤ちゃんのためのメッセージに切り替わります。

## 配信予定
schedule-clinic-decides = 国の標準的なスケジュールによる目安です。いつ何を受けるかは医療機関が決めます。合わないことがあれば相談してください。
schedule-assumed-birth = まだ出生が記録されていません。赤ちゃんの健診や接種は、出産予定日({ $due })に生まれたものとして表示しています。
schedule-opens = { $name } の標準的な時期が今日から始まります
calendar-checkup-description = スケジュール上のこの健診の時期: { $first }〜{ $last }。日程は市町村や医療機関が決めます。時期を過ぎたら相談してください。
calendar-dose-description = スケジュールでは { $earliest } から受けられます(時期の目安 { $first }〜{ $last })。これはスケジュール上の目安です。接種日はかかりつけの医療機関と相談して決めてください。
plan-assumed-birth = ―― ここから先は、出産予定日({ $date })に生まれたと仮定した予定です。実際の誕生日を記録すると、その日を起点に組み直します ――
plan-assumed-mark = (仮)
plan-unwritten = (準備中)
plan-total = 合計 { $count } 通

## アーカイブ
archive-empty = まだメッセージはありません。
archive-unread = 未読
archive-bookmarked = ★
archive-earlier = 登録前

## メッセージ集の点検
coverage = { $locale } { $written }/{ $total }、未執筆 { $missing }
coverage-none-missing = なし
coverage-complete = (完成:不足があればエラー)
coverage-in-progress = (執筆中)
range-pregnancy = 妊娠期
range-infant = 0歳
range-year1 = 1歳
range-year2 = 2歳〜3歳の誕生日
check-findings = 指摘 { $count } 件

finding-not-a-slot = 「{ $value }」は配信予定にない番号です。
finding-bad-front-matter = 先頭の設定(+++ で囲んだ TOML)が読めません: { $value }
finding-empty-title = タイトルがありません。
finding-title-too-long = タイトルが{ $length }文字です。{ $max }文字以内にしてください。
finding-no-topics = topics がありません。
finding-unknown-topic = 「{ $value }」は決められた topics の語彙にありません。
finding-raw-html = 本文に HTML が含まれています。Markdown だけで書いてください。
finding-disallowed-markup = 本文に使えない書式があります({ $value })。段落・太字・箇条書き・リンクだけが使えます。
finding-bad-link = リンク先「{ $value }」は使えません。https・mailto・tel だけです。
finding-body-length = 本文が{ $length }{ $unit ->
    [chars] 文字
   *[words] 語
}です。{ $min }〜{ $max }にしてください。
finding-near-copy = { $value } とほとんど同じ本文です(類似度 { $percent }%)。
finding-missing = 完成と宣言した範囲({ $range })にメッセージがありません: { $value }
finding-bad-schedule = スケジュールのファイルが読めません: { $value }
finding-bad-schedule-date = 「{ $value }」は日付ではありません。年-月-日で書いてください。
finding-duplicate-id = id「{ $value }」が2回以上使われています。
finding-bad-source = 出典「{ $value }」には題名・発行元・http(s) のアドレスが必要です。
finding-no-source = { $item } が出典を挙げていません。
finding-unknown-source = { $item } が挙げた出典「{ $value }」は、このファイルの出典一覧にありません。
finding-unused-source = 出典「{ $value }」はどの項目にも使われていません。
finding-missing-name = { $item } に「{ $value }」の文がありません。
finding-bad-window = { $item }: 期間の書き方に誤りがあります({ $value })。
finding-bad-doses = { $item }: 接種回の書き方に誤りがあります({ $value })。
finding-unknown-choice = { $item } が挙げた選択肢「{ $value }」はどのファイルにもありません。

## エラー
error-schedule = 健診・予防接種のスケジュールが読めません: { $value }
error-unknown-vaccine = 「{ $value }」はスケジュールにないワクチンです。
error-unknown-dose = { $vaccine } の{ $number }回目はスケジュールにありません。
error-dose-recorded-twice = { $vaccine } の{ $number }回目が2回記録されています。母子健康手帳の日付を残し、もう一方を消してください。
error-dose-outside-life = { $vaccine } の{ $number }回目の日付 { $date } が生年月日と合いません(赤ちゃんの接種は生まれた後、妊娠中の接種は生まれる前です)。日付を確かめてください。
error-dose-without-previous = { $vaccine } の{ $number }回目が記録されていますが、その前の回がありません。前の回から記録してください。
error-dose-before-previous = { $vaccine } の{ $number }回目の日付が、前の回と同じか前になっています。両方の日付を確かめてください。
error-mixed-vaccines = 種類の違う{ $value }ワクチンの記録があります。母子健康手帳を確かめ、医療機関に相談してください。
error-record-in-future = { $date } はまだ来ていない日付です。接種や健診は、受けた日以降に記録してください。
error-unknown-checkup = 「{ $value }」はこのお子さんの健診にありません。
error-not-recorded = { $value } の記録はありません。
error-invalid-date = 「{ $value }」は日付として読めません。2027-03-15 のように、年-月-日で入力してください。
error-no-dates = 出産予定日か誕生日のどちらかを入力してください。
error-due-date-too-far = 出産予定日 { $due } は40週より先です。母子健康手帳や産院で伝えられた予定日を確かめてください。
error-due-date-passed = 出産予定日 { $due } から2週間以上たっています。赤ちゃんが生まれていたら、誕生日で登録してください。
error-birth-in-future = 誕生日 { $birth } がまだ来ていない日付です。
error-birth-before-viable = 誕生日 { $birth } は、出産予定日 { $due } から数えると妊娠22週より前になります。日付を確かめてください。
error-birth-after-due-date = 誕生日 { $birth } は、出産予定日 { $due } から4週間以上あとです。日付を確かめてください。
error-birth-too-long-ago = 誕生日 { $birth } からは3年以上たっているため、このサービスの対象外です。
error-unknown-slot = 「{ $value }」は配信予定にありません。
error-unknown-child = 番号 { $id } の子どもは登録されていません。
error-unknown-delivery = 番号 { $id } のメッセージは見つかりません。
error-text-too-long = { $field ->
    [nickname] 呼び名
    [search] 検索のことば
    [search-words] 検索のことば
   *[other] 文字
}は{ $max }{ $field ->
    [search-words] 語
   *[other] 文字
}までです。
error-link-not-allowed = このリンク({ $value })は開けません。開けるのは https・メール・電話のリンクだけです。
town-sync-failed = 町の情報を更新できませんでした。通信環境のよいところで、もう一度お試しください。これまでの情報はそのまま表示しています。
error-invalid-import = このファイルは読み込めません。つなぐから書き出したファイルか確かめてください。データは変更していません。({ $value })
error-already-born = 番号 { $id } の子どもは、すでに誕生を記録しています。
error-not-born = 番号 { $id } の子どもは、まだ誕生を記録していません。先に「生まれました」から記録してください。
error-child-ended = 番号 { $id } の子どもへのメッセージは止めています。再開してから操作してください。
error-child-not-ended = 番号 { $id } の子どもへのメッセージは止まっていません。
error-unknown-locale = 「{ $value }」の言語には対応していません(ja・en)。
error-invalid-setting = 設定「{ $key }」に「{ $value }」は使えません。
error-database-too-new = データ { $path } は新しいバージョンのアプリで作られています(形式 { $found }、このアプリは { $supported } まで)。データはそのままにしてあります。アプリを更新してください。
error-sqlite-too-old = この端末の SQLite { $found } は古く、データを開けません({ $needed } 以降が必要です)。データには何も変更していません。
error-data-readable = データ { $path } は読めるので、そのままにしました。
error-database-corrupt = データ { $path } を読めません。ファイルは消さずにそのまま残しています。({ $value })
error-database = データの読み書きに失敗しました。変更は保存されていません。({ $value })
error-catalogue = メッセージ集を読めません: { $value }
error-io = ファイル { $path } を扱えません: { $value }

## 通知
notify-several = 今日のメッセージが{ $count }通あります
notify-new-message = 今日のメッセージが届いています
notify-ask-if-born = 赤ちゃんは生まれましたか?
notify-missed = 読んでいないメッセージが{ $count }通あります
notify-missed-body = アプリを開くと、これまでの分もまとめて読めます。
notify-town-event = 町の行事: { $title }
notify-test-title = テスト通知
notify-test-body = 通知は正しく届いています。毎日のメッセージも、このようにお知らせします。

## アプリ
app-no-display = 画面(ディスプレイ)が見つからないため、アプリを開けません。画面のない環境では、仮想ディスプレイで起動してください: Xvfb :99 & DISPLAY=:99 ./scripts/run
tray-open = つなぐを開く
tray-quit = 終了
error-internal = 思いがけない問題が起きました。もう一度お試しください。({ $value })

## 町の情報(フィード): tsunagu feed
cli-about-feed = 町の情報(署名つきフィード)の作成・点検・署名・試験配信・同期
cli-about-feed-init = 町のフィードのひな形(説明つき)を書き出す
cli-about-feed-validate = フィードを点検し、問題を項目と欄ごとにすべて示す
cli-about-feed-keygen = 署名用の鍵ペア(minisign 形式)を作る
cli-about-feed-sign = フィードに署名し、FILE.minisig を書き出す
cli-about-feed-verify = アプリと同じ方法で署名を確かめる
cli-about-feed-preview = その日付の家族に見える内容を、1日ずつ表示する
cli-about-feed-serve = フォルダーを 127.0.0.1 で配信する(下書きのフィードでアプリを試すため)
cli-about-feed-sync = この端末のデータベースにある町の情報を、アプリと同じ手順で更新する
feed-init-written = ひな形を { $path } に書き出しました。版(_tsunagu.version)と内容を書き換え、tsunagu feed validate で点検してから署名してください。
feed-valid = { $path }: 問題はありません(時期のお知らせ { $overlays } 件、行事のお知らせ { $notices } 件、アンケート { $surveys } 件、版 { $version })。
feed-trusted-comment = 署名の信頼済みコメント: { $comment }
feed-problems = 問題が { $count } 件あります。
feed-keygen-written = 公開鍵を { $public } に、秘密鍵を { $secret } に書き出しました。town.toml の public_key に次の行を設定してください: { $key }
feed-keygen-unencrypted = 秘密鍵はパスワードで保護されていません。ネットワークから切り離した場所に保管し、他の人に渡さないでください(--password-env で暗号化できます)。
feed-sign-written = 署名を { $path } に書き出しました(信頼済みコメント: { $comment })。フィードと署名を同時に公開してください。
feed-verify-ok = { $path }: 署名は正しく、町 { $town } の版 { $version } です。
feed-preview-town = 町から: { $title }
feed-preview-event = 行事のお知らせ: { $title }({ $when })
feed-preview-survey = アンケート: { $title }({ $until }まで。回答は町のフォームで)
feed-preview-place = 、{ $place }
feed-preview-no-feed = (町のフィードはありません。--feed で下書きを指定できます)
feed-serve-listening = { $dir } を { $url } で配信しています(Ctrl+C で終了)。
feed-sync-updated = 町の情報を更新しました(版 { $version })。
feed-sync-not-modified = 町の情報は最新です。
feed-sync-rejected = 町の情報を更新できませんでした。これまでの情報はそのまま使えます。理由: { $reason }
feed-sync-status = 保持している版: { $version }(町での作成日時 { $generated })

## フィードの点検で見つかった問題
feed-problem-json = JSON として読めません: { $value }
feed-problem-not-json-feed = version が JSON Feed 1.1 の値(https://jsonfeed.org/version/1.1)ではありません: { $value }
feed-problem-schema = _tsunagu.schema { $value } はこのアプリでは読めません。
feed-problem-missing = 必要な欄がありません。
feed-problem-wrong-type = 値の種類が違います({ $value } にしてください)。
feed-problem-empty = 空です。
feed-problem-too-long = { $length } 文字あります。{ $max } 文字以内にしてください。
feed-problem-too-many = { $count } 個あります。{ $max } 個までです。
feed-problem-too-large = フィードが { $bytes } バイトあります。アプリは { $max } バイトまでしか受け取らないため、どのアプリも読めません。古い項目を外すか本文を短くしてください。
feed-problem-unknown-field = 「{ $value }」という欄はありません(書き間違いではありませんか)。
feed-problem-unknown-kind = 種類「{ $value }」はありません(overlay・event・survey のいずれか)。
feed-problem-kind-needs-schema = { $value } を使うには _tsunagu.schema を { $schema } にしてください。古い形式しか読めないアプリは、フィード全体を受け取らなくなります。
feed-problem-unknown-lang = 言語「{ $value }」はありません(ja か en)。
feed-problem-bad-id = 「{ $value }」は識別子として使えません。
feed-problem-bad-date = 「{ $value }」は日付として読めません(2027-03-15 の形で書いてください)。
feed-problem-bad-time = 「{ $value }」は日時として読めません。
feed-problem-bad-stage = 「{ $value }」は時期として読めません(妊娠週数は 16w0d の形です)。
feed-problem-out-of-range = { $value } は範囲外です({ $min }〜{ $max })。
feed-problem-order = { $value } より前になっています。
feed-problem-duplicate-id = id「{ $value }」が重複しています。
feed-problem-duplicate-key = key「{ $value }」の { $lang } 版が重複しています。
feed-problem-bad-url = 「{ $value }」は使えません。https:// で始まるアドレスにしてください。
feed-problem-content-html = content_html は使えません。本文は content_text に Markdown で書いてください。
feed-problem-raw-html = 本文に HTML が含まれています。Markdown だけで書いてください(アプリでは文字としてそのまま表示されます)。
feed-problem-disallowed-markup = 本文に使えない書式({ $value })があります。段落、太字、箇条書き、リンク、改行だけが使えます。
feed-problem-bad-link = リンク「{ $value }」は使えません。https、mailto、tel だけが使えます。
feed-problem-expired = 有効期限 { $value } を過ぎています。アプリはこのフィードを受け付けません。

## エラー(町の情報)
error-feed-no-key = このアプリには町の情報を確かめる鍵が設定されていません。
error-feed-insecure-url = 町の情報のアドレス { $value } は https ではないため、使えません。
error-feed-network = 町の情報を取りに行けませんでした。通信できる場所で、あとでもう一度お試しください。({ $value })
error-feed-timeout = 町の情報の取得に時間がかかりすぎたため、中止しました。あとでもう一度お試しください。
error-feed-truncated = 町の情報が途中までしか届きませんでした。あとでもう一度お試しください。
error-feed-http = 町の情報のサーバーが応答できませんでした(HTTP { $status })。あとでもう一度お試しください。
error-feed-too-large = 町の情報が大きすぎるため({ $max } バイトまで)、受け取りませんでした。
error-feed-unsigned = 町の情報に署名がないため、使いませんでした。
error-feed-wrong-key = 町の情報が町の鍵とは別の鍵で署名されていたため、使いませんでした。
error-feed-signature = 町の情報の署名が内容と合わないため、使いませんでした。
error-feed-comment = 町の情報の署名に書かれた町・版・日時が内容と合わないため、使いませんでした。({ $value })
error-feed-schema = 町の情報の形式(版 { $value })はこのアプリでは読めません(読めるのは { $supported } です)。アプリを更新してください。
error-feed-invalid = 町の情報に問題が { $count } 件あるため、使いませんでした。({ $value })
error-feed-wrong-town = 別の町({ $value })の情報だったため、使いませんでした。
error-feed-rollback = 受け取った町の情報(版 { $offered })は、この端末にある版 { $held } より古いため、使いませんでした。
error-feed-expired = 町の情報の有効期限({ $value })が過ぎています。新しい情報を受け取れるまで、これまでの情報を表示します。
error-feed-key = 署名の鍵が使えません: { $value }

## 町のアプリ(tsunagu town)
cli-about-town = 町のアプリ: 町のフォルダーの点検と、ビルド用の設定の書き出し
cli-about-town-check = 町のフォルダーを点検し、問題を欄ごとにすべて示す
cli-about-town-overlay = 町のビルド用に Tauri の設定(オーバーレイ)とデスクトップ項目を書き出す
town-check-ok = { $dir }: 問題はありません。このフォルダーからアプリを作れます。
town-check-problems = { $dir }: 問題が { $count } 件あります。直してから、もう一度点検してください。
town-overlay-written = ビルド用の設定を { $path } に書き出しました。
town-problem-unreadable = town.toml として読めません({ $line } 行目): { $value }
town-problem-missing = この欄が必要です。
town-problem-empty = 空になっています。
town-problem-control-character = 改行などの制御文字は使えません(1行で書いてください)。
town-problem-unknown-lang = 言語「{ $value }」は使えません(ja と en です)。
town-problem-too-long = { $length } 文字あります。{ $max } 文字以内にしてください(ストアの表示で切れます)。
town-problem-too-wide = ホーム画面では幅 { $columns } になります(日本語1文字で2)。幅 { $max } 以内にしてください。
town-problem-bad-town-id = 「{ $value }」は町の id に使えません(半角の小文字・数字・ハイフン、小文字で始める)。
town-problem-folder-mismatch = フォルダー名「{ $value }」と id が違います。フォルダー名を id と同じにしてください。
town-problem-bad-programme = 「{ $value }」は実施期間として読めません(pregnancy、age1、age2、age3 のどれかです)。
town-problem-bad-identifier = 「{ $value }」はアプリの識別子に使えません。町のドメインを逆にした jp.lg.example.kosodate の形で、3つ以上の部分を半角の小文字と数字で書いてください(ハイフンとアンダースコアは使えません)。
town-problem-bad-package = 「{ $value }」はパッケージ名に使えません。半角の小文字・数字・ハイフンで2〜40文字、小文字で始めてください(例: example-kosodate)。
town-problem-bad-colour = 「{ $value }」は色として読めません(#2e7d6f の形です)。
town-problem-low-contrast = { $theme ->
    [light] ライトモード
   *[dark] ダークモード
}でこの色の上の文字({ $text })のコントラスト比が { $ratio }:1 です。4.5:1 以上になる色にしてください(WCAG 2.2 AA)。
town-problem-insecure-feed-url = 「{ $value }」は使えません。https:// で始まるアドレスにしてください(http は 127.0.0.1 と localhost だけです)。
town-problem-local-feed-url = 「{ $value }」はこの端末の中のアドレスです。サンプルでない町は、公開する https:// のアドレスにしてください。
town-problem-bad-key = 公開鍵として読めません。tsunagu feed keygen で作った .pub ファイルの2行目を書いてください。
town-problem-bad-phone = 「{ $value }」は電話でかけられる番号として読めません(#8000、119、0 で始まる10〜11桁の番号。区切りはハイフンだけです)。
town-problem-bad-url = 「{ $value }」は使えません。https:// で始まるアドレスにしてください。
town-problem-bundled-feed = このフォルダーのフィードは、ここから作るアプリに受け付けられません: { $reason }
town-problem-feed-other-town = このフィードは町「{ $value }」のものです。この町のフィードに署名し直してください。
town-problem-icon-missing = icon.png(1024×1024 の正方形の PNG)がありません。
town-problem-icon-not-png = PNG ファイルではありません。
town-problem-icon-not-square = { $width }×{ $height } で正方形ではありません。1024×1024 にしてください。
town-problem-icon-wrong-size = { $width }×{ $height } です。1024×1024 にしてください。

## 共有コード(家族でいっしょに読む)
error-share-code-damaged = このコードを読み取れませんでした。文字の打ちまちがいや抜けがあるかもしれません。もう一方のスマートフォンの表示と見比べて、もう一度お試しください。何も変更していません。
error-share-code-other-town = このコードはほかの町のアプリのものなので、ここには追加できません。何も変更していません。
error-share-code-too-new = このコードは新しいバージョンのアプリで作られています(形式 { $found }。このアプリが読めるのは { $supported } まで)。アプリを更新してから、もう一度お試しください。何も変更していません。

## 共有の画面と共有されたお子さんの追加(シェルの言葉)
share-holds-nickname = ニックネーム: { $nickname }
share-holds-no-nickname = ニックネームは含みません(もう一方のスマートフォンで付けた名前のままです)
share-holds-due = 出産予定日: { $date }
share-holds-birth = 生年月日: { $date }
share-holds-expecting = まだ生まれていないこと
share-holds-born = 生まれていること
share-holds-stopped = お知らせを止めていること(理由は含みません)
share-holds-town = { $town }のアプリ用であること
share-again-born = 前回の共有のあとで誕生を記録しました。家族のスマートフォンの表示をそろえるため、もう一度共有してください。
share-again-stopped = 前回の共有のあとでお知らせを止めました。家族のスマートフォンの表示をそろえるため、もう一度共有してください。
share-again-resumed = 前回の共有のあとでお知らせを再開しました。家族のスマートフォンの表示をそろえるため、もう一度共有してください。
share-change-nickname = ニックネーム
share-change-due-date = 出産予定日
share-change-birth-recorded = 誕生の記録
share-change-birth-date = 生年月日
share-change-stop = お知らせの停止
share-change-resume = お知らせの再開
share-confirm-stop = もう一方のスマートフォンで、{ $name }のお知らせが止められています。このスマートフォンでも止めますか? 止めたあとは、このお子さんについて何も通知しません。
share-confirm-resume = このスマートフォンでは{ $name }のお知らせを止めていますが、コードではお知らせが続いています。このスマートフォンでも再開しますか?
share-unnamed = このお子さん
notify-town-survey = 町のアンケート: { $title }
