# Easel の日本語（ja）メッセージです。en-US.ftl を翻訳したもので、ここにないメッセージは英語で表示されます。
#
# 用語集（Easel の固定用語。どの文でも同じ訳語を使います）:
#   job: ジョブ（番号付きで「ジョブ123」と表示）
#   queue: 順番待ち
#   budget: 予算
#   limit: 制限
#   block: ブロック（モデレーターが利用を止める）
#   pause: 一時停止（拒否が続いたため Easel が利用を止める）
#   blocklist: 禁止ワード
#   moderation log: モデレーションログ
#   community request: コミュニティリクエスト（文脈で明らかな場合は「リクエスト」）
#   gallery: ギャラリー
#   Re-roll: 再生成 / Vary: バリエーション / HD: HD / Edit: 編集 / Delete: 削除（結果の下のボタン）
#   prompt: プロンプト
#   model: モデル
#   server: サーバー
#   moderator: モデレーター
#
# { $braces } の変数は Easel が値を入れます。すべて残してください（テストで確認します）。
# Discord の書式（`コード`、**太字**、-# 小さい文字）はそのまま残します。
# 複数行のメッセージでは、行頭を [、*、. で始めないでください（Fluent の規則）。

## 共通

job-footnote = -# ジョブ{ $job }
not-charged = 料金は発生していません。
list-none = なし
generic-failure = こちら側で問題が発生しました。もう一度お試しください。
servers-only = Easelはサーバー内で動作し、そのサーバーの制限とモデレーターが適用されます。サーバーのチャンネルでご利用ください。
not-enabled = このサーバーではEaselが有効になっていません。Easelを利用できるサーバーは、ボットのオーナーが決めています。
choose-subcommand = サブコマンドを選んでください。
unknown-subcommand = 不明なサブコマンドです。
choose-channel = チャンネルを選んでください。
choose-member-to-block = ブロックするメンバーを選んでください。
choose-member-to-unblock = ブロックを解除するメンバーを選んでください。

## ジョブで画像ができなかった理由

refusal-category-sexual = 性的なコンテンツ
refusal-category-self-harm = 自傷行為
refusal-category-violence = 暴力
refusal-category-hate = ヘイトまたは嫌がらせ
refusal-category-illegal = 違法行為
refusal-category-real-people = 実在の人物または保護された著作物
refusal-category-unnamed = プロバイダーの安全ルール

failure-queue-full-server = Easelが混み合っています。このサーバーの画像リクエストの順番待ちがいっぱいです。数分後にもう一度お試しください。料金は発生していません。
failure-queue-full-bot = 現在Easelが大変混み合っており、画像リクエストの順番待ちがいっぱいです。数分後にもう一度お試しください。料金は発生していません。
failure-restarting = Easelは現在再起動中です。1分ほどしてからもう一度お試しください。料金は発生していません。
failure-blocked-until = 現在、このサーバーではEaselを利用できません。ブロックは{ $when }に解除されます（モデレーターが早めに解除することもできます）。
failure-blocked = モデレーターがブロックを解除するまで、このサーバーではEaselを利用できません。
failure-blocked-until-personal = 現在、Easelを利用できません。Easelのホームサーバーでブロックまたは一時停止されています。ブロックは{ $when }に解除されます（モデレーターが早めに解除することもできます）。
failure-blocked-personal = Easelのホームサーバーのモデレーターがブロックを解除するまで、Easelを利用できません。
failure-result-unusable = 画像サービスから読み取れない画像（破損している、不完全、または大きすぎる）が返されたため、お届けできる画像がありません。もう一度お試しください。料金は発生していません。
failure-provider-refused = 画像プロバイダーのコンテンツポリシーにより、このリクエストは拒否されました（理由：{ $category }）。プロンプトを言い換えてください。料金は発生していません。
failure-rules = このプロンプトはサーバーの画像リクエストのルールに違反しているため、送信されませんでした。言い換えてお試しください。料金は発生していません。
failure-rules-personal = このプロンプトはEaselのオーナーが定めた画像リクエストのルールに違反しているため、送信されませんでした。言い換えてお試しください。料金は発生していません。
failure-rules-flagged = このプロンプトはモデレーションチェックで問題が見つかったため（{ $categories }）、送信されませんでした。言い換えてお試しください。料金は発生していません。
failure-upload-flagged = アップロードされた画像はモデレーションチェックで問題が見つかったため（{ $categories }）、送信されませんでした。別の画像を選んでください。料金は発生していません。
failure-unavailable = 画像サービスが現在応答していません（停止中または再起動中の可能性があります）。しばらくしてからもう一度お試しください。料金は発生していません。
failure-busy = 画像サービスが現在混み合っています。1分ほどしてからもう一度お試しください。料金は発生していません。
failure-timed-out = 画像サービスの応答に時間がかかりすぎました。もう一度お試しください。料金は発生していません。
failure-stopped-on-server = 画像サーバーの運営者がこの処理を停止したため、画像はありません。もう一度リクエストできます。料金は発生していません。
failure-model-retired-replaced = モデル`{ $model }`はプロバイダーによる提供が終了しました。代わりに`{ $replacement }`を選んでください。
failure-model-retired = モデル`{ $model }`はプロバイダーによる提供が終了しました。別のモデルを選んでください。
failure-misconfigured = このモデル向けのEaselの設定が正しくないため、現在画像を作成できません。ボットのオーナーにはログで通知済みです。料金は発生していません。
failure-result-lost = 画像は作成されましたが、保存する前にリンクの有効期限が切れました。もう一度お試しください。料金は発生していません。
failure-delivery = 画像は作成されましたが、Discordがアップロードを受け付けませんでした。もう一度お試しください。料金は発生していません。
failure-translation = このモデル向けにプロンプトを英語へ翻訳できませんでした。もう一度お試しいただくか、英語で入力してください。料金は発生していません。
failure-unexpected = こちら側で問題が発生しました。もう一度お試しください。料金は発生していません。
failure-pause = 拒否が繰り返されたため、このサーバーでのEaselの利用は{ $when }まで一時停止されています。
failure-pause-personal = 拒否が繰り返されたため、Easelの利用は{ $when }まで一時停止されています。

source-untrusted-host = 画像はDiscordからのみダウンロードしていますが、この画像は別の場所のものでした。画像をコマンドに添付してください。
source-too-large = 画像がダウンロードできる上限の{ $megabytes }MBを超えています。より小さい画像を添付してください。
source-longer-than-declared = 受信したファイルがDiscordの通知したサイズより大きかったため、ダウンロードを中止しました。画像をもう一度添付してください。
source-gone = ダウンロードする前に画像のリンクの有効期限が切れました。もう一度添付してください。
source-kept-gone = その保存済みスタイルの画像はもうありません。画像と一緒にスタイルをもう一度保存してください。
source-cut-short = Discordからの画像のダウンロードが途中で切れました。もう一度お試しください。
source-failed = Discordから画像をダウンロードできませんでした。少ししてからもう一度お試しください。
source-not-an-image = このファイルはPNG、JPEG、WebPのいずれの画像でもありません。これらの形式の画像を添付してください。
source-too-many-pixels = 画像のサイズは{ $width }×{ $height }ピクセルです。扱える画像は1辺{ $side }ピクセル以内、合計{ $megapixels }メガピクセル以内です。より小さい画像を添付してください。
source-damaged = このファイルは画像のようですが、破損しているか不完全なため読み取れませんでした。もう一度添付してください。
source-cannot-fit = このモデル向けに画像を十分小さくできませんでした。より小さい画像を添付してください。
source-encode = モデル向けに画像を準備する際に問題が発生しました。もう一度お試しください。
source-mask-mismatch = マスクは{ $mask }ピクセルですが、画像は{ $image }です。画像と同じサイズのコピーにマスクを描いてください（変更する部分は白、残す部分は黒）。
source-markup-mismatch = 書き込み画像は{ $mask }ピクセルですが、画像は{ $image }です。画像と同じサイズのコピーに書き込んでください。

## カタログで許可されていないリクエスト

invalid-unknown-model = `{ $model }`はこのボットで利用できるモデルではありません。次から選んでください：{ $offered }
invalid-empty-prompt = 作りたい画像を説明するプロンプトを入力してください。
invalid-prompt-too-long = プロンプトが{ $length }文字あります。`{ $model }`で使えるのは最大{ $max }文字です。
invalid-not-allowed = `{ $model }`では{ $option }`{ $value }`を利用できません。利用できる値：{ $allowed }
invalid-no-styles = `{ $model }`はスタイルに対応していません。スタイルのオプションは指定しないでください。
invalid-count = `{ $model }`で1回に作れる画像は{ $min }〜{ $max }枚ですが、{ $count }枚が指定されました。
invalid-variation-unsupported = `{ $model }`はバリエーションを作成できません。作成できるモデル：{ $capable }
invalid-missing-image = バリエーションの元になる画像を添付してください。
invalid-blend-unsupported = `{ $model }`は画像の合成にも参考画像にも対応していません。対応しているモデル：{ $capable }
invalid-blend-count = { $max ->
    [2] 合成する画像をちょうど2枚添付してください（添付された枚数：{ $given }枚）。
   *[other] 合成する画像を2〜{ $max }枚添付してください（添付された枚数：{ $given }枚）。
}
invalid-edit-unsupported = `{ $model }`は画像を編集できません。編集できるモデル：{ $capable }
invalid-option-unsupported = `{ $model }`は{ $option }に対応していません。指定を外すか、対応しているモデルを選んでください：{ $capable }
invalid-style-picture-unsupported = その保存済みスタイルには参考画像があり、`{ $model }`では使えません。使えるモデルを選んでください：{ $capable }
invalid-tuning-range = { $option }は{ $min }〜{ $max }の範囲で指定してください。
invalid-seed = シードは-1〜4294967295の整数で指定してください（指定された値：{ $seed }）。
invalid-styles = スタイルは1〜{ $max }個を、半角カンマ（,）区切りで指定してください。
invalid-styles-unsupported = `/スタイル比較`はスタイルごとに1枚ずつ画像を作るため、`{ $model }`では使えません。別のモデルを選んでください。
invalid-not-an-image = `{ $file }`は画像ではありません。PNG、JPEG、WebPのいずれかの画像を添付してください。
invalid-image-too-large = `{ $file }`は{ $size }MBあります。受け付けられる画像は最大{ $max }MBです。

# これらの文の中で、リクエストのオプションを指す言葉。
option-word-size = サイズ
option-word-quality = 品質
option-word-style = スタイル
option-word-steps = ステップ数
option-word-cfg_scale = cfg_scale
option-word-sampler = サンプラー
option-word-markup = 書き込み
option-word-mask = マスク
option-word-reference = 参考画像
option-word-tuning = ステップ数・cfg_scale・サンプラー

## 制限

limit-cooldown = リクエストの間隔を少し空けてください。次にリクエストできるのは{ $when }です。
limit-when-one-finishes = 進行中のリクエストのいずれかが完了したとき
limit-in-flight = 進行中の画像リクエストがすでに{ $limit }件あり、同時に実行できる上限に達しています。いずれかが完了するまでお待ちください。
limit-images-per-day = 1日の画像枚数の制限に達しました。24時間あたり{ $limit }枚のうち残りは{ $left }枚で、このリクエストには{ $needed }枚必要です。次に枠が空くのは{ $when }です。
limit-user-usd = あなたの1日の予算が残りわずかです。24時間あたり{ $limit }のうち残りは{ $left }で、このリクエストには約{ $needed }かかります。次に予算が空くのは{ $when }です。
limit-guild-usd = このサーバーの1日の画像予算が残りわずかです。{ $limit }のうち残りは{ $left }で、このリクエストには約{ $needed }かかります。次に予算が空くのは{ $when }です。
limit-personal-usd = あなた個人の1日の予算（Easelを導入したサーバー以外でEaselを使うための予算）が残りわずかです。24時間あたり{ $limit }のうち残りは{ $left }で、このリクエストには約{ $needed }かかります。次に予算が空くのは{ $when }です。
limit-global-usd = ボットの月間予算が残りわずかです。残りは{ $left }で、このリクエストには約{ $needed }かかります。予算のリセットは{ $when }です。
limit-bad-value-whole = `{ $value }`は`{ $limit }`に設定できない値です。{ $min }〜{ $max }の整数（{ $unit }）を指定するか、制限なしにする場合は`none`と入力してください。
limit-bad-value = `{ $value }`は`{ $limit }`に設定できない値です。{ $min }〜{ $max }の数値（{ $unit }）を指定するか、制限なしにする場合は`none`と入力してください。
limit-unit-seconds = 秒
limit-unit-jobs = 同時実行ジョブ数
limit-unit-images = 枚
limit-unit-usd = 米ドル
limit-none = 制限なし
limit-seconds = { $seconds }秒

## /利用状況

usage-heading = **Easelの利用状況**
usage-label-cooldown = クールダウン
usage-label-in-flight = 進行中の画像
usage-label-images = 画像（24時間）
usage-label-user-usd = あなたの予算（24時間）
usage-label-guild-usd = サーバーの予算（24時間）
usage-label-global-usd = ボットの予算（今月）
usage-exempt = **{ $label }**：適用外（「サーバー管理」権限）
usage-cooldown-waiting = **{ $label }**：{ $limit }（次のリクエストは{ $when }から）
usage-cooldown-ready = **{ $label }**：{ $limit }（今すぐリクエストできます）
usage-unlimited = **{ $label }**：使用済み{ $used }（制限なし）
usage-used = **{ $label }**：使用済み{ $used }・残り{ $left }（上限{ $limit }）
usage-cancelled = -# モデルの処理開始後にキャンセルした画像{ $count }枚分（見積額{ $usd }）を含みます。プロバイダーは処理が始まった時点で課金するためです。
usage-latest-failure = 画像ができなかった直近の非公開リクエスト（{ $when }、ジョブ{ $job }）：{ $reason }

## 待機中・実行中のジョブのメッセージとキャンセル

progress-next = `{ $model }`の順番待ちで、次があなたの番です。
progress-place = `{ $model }`の順番待ちで{ $place }番目です。
progress-step = `{ $model }`で画像を生成中です（ステップ{ $step }/{ $steps }）…
progress-running = `{ $model }`で画像を生成中です…
progress-cancelled-by = { $member }さんがキャンセルしました。
progress-backend-down = このモデルの画像サービスが現在応答していません。リクエストは順番を保ったまま、復旧しだい実行されます。その間にキャンセルすることもできます。
button-cancel = キャンセル
cancel-nothing-charged = 料金は発生していません。
cancel-charged-estimate = モデルがすでに処理を開始していたため、見積額（{ $estimate }）で制限に計上されます。
cancel-done = キャンセルしました。
cancel-not-found = そのリクエストが見つかりません。
cancel-not-yours = キャンセルできるのは、この画像をリクエストしたメンバーかモデレーターのみです。
cancel-already-finished = そのリクエストはすでに完了しているため、キャンセルできません。
cancel-failed = リクエストのキャンセル中に問題が発生しました。もう一度お試しください。
cancel-nothing-active = 待機中または進行中の画像リクエストはありません。
cancel-lookup-failed = リクエストの確認中に問題が発生しました。もう一度お試しください。

## 結果

result-title-generate = 生成した画像
result-title-hd = HD画像
result-title-variation = バリエーション
result-title-edit = 編集した画像
result-title-styles = スタイル比較
result-title-extend = 拡張した画像
result-title-blend = 合成した画像
result-title-describe = 画像から作ったプロンプト
result-describe-intro = そのまま使うことも、先に変更することもできます。ボタンを押すと、そのプロンプトを入れた /生成 が開きます。
result-variation-description = 元の画像のバリエーションです
result-footer = ジョブ{ $job } · /表示 { $job }
result-cost-usage = { $cost }（トークン使用量から算出）
result-cost-catalogue = { $cost }（カタログ価格）
result-ai-generated = 各ファイルのメタデータに記録済み
result-ready = { $member }さん、画像ができました。
result-fetched-again = Discord上の元のメッセージから再取得しました。
result-gallery-credit = リクエスト：{ $requester } · 承認：{ $moderator }
field-revised-prompt = 修正後のプロンプト
field-model = モデル
field-size = サイズ
field-quality = 品質
field-cost = 費用
field-ai-generated = AI生成
field-requested-by = リクエスト者
field-from = 生成元
result-from = ジョブ{ $job }
field-draft = 下書き
result-draft = 最も安い品質`{ $quality }`で作成しました。「仕上げ」を押すと、`{ $top }`の品質で作り直します（約{ $estimate }）。
field-seeds = { $count ->
   *[other] シード
    }
field-parameters = パラメーター
field-negative-prompt = ネガティブプロンプト
field-styles = スタイル
field-prompt-sent = モデルに送信したプロンプト（英語）
button-reroll = 再生成
button-enhance = 仕上げ
button-pan-left = ⬅️ 拡張
button-pan-right = ➡️ 拡張
button-pan-up = ⬆️ 拡張
button-pan-down = ⬇️ 拡張
button-zoom-out = ズームアウト{ $factor }×
button-edit = 編集
button-delete = 削除
button-vary = バリエーション
button-vary-numbered = バリエーション{ $number }
button-hd = HD
button-hd-numbered = HD { $number }
button-upscale-creative = アップスケール（クリエイティブ）
button-use-numbered = { $number }を使う
delete-not-yours = 削除できるのは、この画像をリクエストしたメンバーかモデレーターのみです。
delete-done = 削除しました。
delete-failed = メッセージを削除できませんでした。少ししてからもう一度お試しください。
click-other-server = この結果は別のサーバーのものなので、ボタンはそのサーバーでのみ使えます。
click-private = この結果は、リクエストしたメンバーにのみ表示されます。
click-not-on-record = この結果の記録が残っていないため、ボタンは使えません。`/生成`でもう一度リクエストしてください。
edit-modal-title = この画像を編集
edit-modal-instruction = どのように変更しますか？
edit-modal-placeholder = 例：キツネに赤いマフラーを巻く
edit-modal-which = どの画像を編集しますか？（1〜{ $count }）
generate-modal-title = 画像を生成
generate-modal-prompt = プロンプト
menu-no-image = このメッセージには、Easelで使える画像がありません。PNG、JPEG、WebP形式の画像があるメッセージを選んでください。
menu-which-image = どの画像にしますか？1つ選んでください。
menu-image-numbered = 画像{ $number }
menu-expired = この選択は有効期限が切れました。もう一度、メッセージの「アプリ」メニューから操作してください。
edit-which-number = 画像の番号を入力してください（1、2など）。
edit-no-such-image = そのメッセージに画像{ $number }が見つかりません。

## /表示

show-unknown = 画像のジョブ`{ $job }`の記録はありません。
show-not-yours = もう一度表示できるのは、この画像をリクエストしたメンバーかモデレーターのみです。
show-not-delivered = そのジョブの画像は配信されていないため（状態：{ $state }）、表示できるものがありません。
show-gone = そのジョブの画像はすでに保存されておらず、投稿先もわかりません。
show-private = この結果は非公開です。
show-deleted = この結果はDiscordから削除されており、画像も保存されていないため表示できません。
show-unreachable = 現在、Discord上のこの結果のメッセージにアクセスできませんでした。もう一度お試しください。
show-download-failed = 現在、この結果の画像をDiscordからダウンロードできませんでした。もう一度お試しください。
show-unreadable = この結果の画像はもう読み取れません。
show-emptied = この結果のメッセージには画像が残っていないため、表示できません。
job-state-queued = 順番待ち
job-state-running = 実行中
job-state-delivered = 配信済み
job-state-failed = 失敗
job-state-cancelled = キャンセル済み

## /設定

settings-heading = **あなたのデフォルト設定**
settings-saved = 保存しました。現在のデフォルト設定：
settings-cleared = デフォルト設定をすべてクリアしました。
settings-read-failed = 現在、設定を読み込めませんでした。もう一度お試しください。
settings-save-failed = 現在、設定を保存できませんでした。もう一度お試しください。
settings-model = モデル：{ $value }
settings-size = サイズ：{ $value }
settings-quality = 品質：{ $value }
settings-style = スタイル：{ $value }
settings-suffix = プロンプトの追記：{ $value }
settings-language = 言語：{ $value }
settings-drafts-on = 下書き：オン（/生成 で安価な下書きを作り、「仕上げ」ボタンを付けます）
settings-drafts-off = 下書き：オフ
style-saved = スタイル `{ $name }` を保存しました。/生成 のスタイルに選ぶと、その言葉がプロンプトに加わります。
style-saved-with-picture = スタイル `{ $name }` を参考画像と一緒に保存しました。/生成 のスタイルに選ぶと、その言葉と画像がプロンプトに加わります（参考画像に対応したモデルのみ）。
style-deleted = スタイル `{ $name }` を削除しました。
style-not-found = スタイル `{ $name }` はありません。
style-bad-name = スタイルの名前は、文字・数字・スペース・-・_ で 1～{ $max } 文字にしてください。
style-bad-text = スタイルの言葉は 1～{ $max } 文字にしてください。
style-too-many = 保存できるスタイルは { $max } 個までです。先にどれかを削除してください。
style-moderators-only = サーバーのスタイルを保存・削除できるのは、そのサーバーのモデレーターだけです。
style-refused = この言葉はサーバーの画像リクエストのルールに違反しているため、スタイルは保存されませんでした。言い換えてお試しください。
style-refused-personal = この言葉はEaselのオーナーが定めた画像リクエストのルールに違反しているため、スタイルは保存されませんでした。言い換えてお試しください。
style-list-mine = **あなたのスタイル**
style-list-server = **このサーバーのスタイル**
style-list-picture = 参考画像あり
settings-results-private = 結果：自分だけに表示
settings-results-public = 結果：全員に公開
settings-server-default = サーバーのデフォルト（`{ $model }`）
settings-model-default = モデルのデフォルト
settings-discord-language = Discordの言語設定（{ $language }）
settings-unknown-model = `{ $model }`はこのボットで利用できるモデルではありません。一覧は`/ヘルプ`でご確認ください。
settings-not-offered = `{ $model }`では{ $option }`{ $value }`を利用できません。
settings-suffix-too-long = プロンプトの追記が{ $length }文字あります。最大{ $max }文字までです。
settings-retired-default = デフォルトに保存されていたモデル`{ $old }`は提供が終了したため、代わりに`{ $replacement }`を使います（新しいデフォルトとして保存済みです。`/設定`で変更できます）。

## /ヘルプ

help-title = Easel：みんなで画像づくり
help-formula-rule = **題材＋動作や状態＋スタイル＋環境＋細部＋品質ワード**
help-formula-explain = 何が描かれているか、何をしているか、どんな画風か、どこにいるか、大事な細部、どこまで仕上げたいかを書きましょう。
help-example-one = **例1**：赤いキツネ · 丸くなって眠っている · 水彩画 · 雪の積もった白樺の森の中 · やわらかな朝の光 · 高精細
help-example-one-command = `/生成 プロンプト: 赤いキツネ、丸くなって眠っている、水彩画、雪の積もった白樺の森の中、やわらかな朝の光、高精細`
help-example-two = **例2**：灯台守 · ランプの明かりで本を読んでいる · 油絵 · 嵐の中、石造りの塔の内部 · 窓を打つ雨、温かな光 · 傑作、シャープなピント
help-example-two-command = `/生成 プロンプト: 灯台守、ランプの明かりで本を読んでいる、油絵、嵐の中、石造りの塔の内部、窓を打つ雨、温かな光、傑作、シャープなピント`
help-styles-tip = スタイルに迷ったら、`/スタイル比較 題材: 夕暮れの灯台`で1つの題材を4つのスタイルで並べて見比べられます。
help-commands =
    `/生成` プロンプトから画像を作成 · `/hd` 同じくモデルの最高品質で作成
    `/バリエーション` アップロードした画像の別バージョン · `/編集` アップロードした画像を変更（マスクで範囲を限定）
    `/スタイル比較` 1つの題材を最大4つのスタイルで · `/表示` 結果をボタン付きで再投稿
    `/設定` デフォルト設定 · `/利用状況` これまでの利用量 · `/キャンセル` 待機中のリクエストを取り消し
    結果の下のボタン：再生成、バリエーション、HD、編集、削除
    モデレーター：`/モデレーション` · サーバー管理者：`/制限`
help-describe = `/プロンプト化` 画像から使えるプロンプトを作成（メッセージでは：「アプリ」→ Easelでプロンプト化）
help-blend = `/合成` 2〜5枚の画像を1枚に合成
help-reference = `/生成 参考画像:` 忠実に再現したい画像を指定
help-menus = 画像のあるメッセージでは「アプリ」メニューから：Easelで編集、Easelでバリエーションを作成
help-studio = `/スタイル 保存` 言葉（と画像）を名前付きで保存し、`スタイル`として選択 · `下書き:true` まず安価に試作し、あとで「仕上げ」 · 1枚の画像の下：⬅️➡️⬆️⬇️ 拡張、ズームアウト1.5×・2×、アップスケール（クリエイティブ）
help-section-commands = コマンド
help-section-studio = スタジオ
help-section-models = 利用できるモデル（デフォルトのサイズと品質での1枚あたりの価格）
help-section-limits = あなたの制限
help-limits-none = 設定されていません。
help-model = `{ $model }`：{ $price }
help-model-default = `{ $model }`（デフォルト）：{ $price }
help-model-free = セルフホストのため無料
help-model-translates = どの言語のプロンプトも英語に翻訳して使います
help-model-english-only = 英語のプロンプトのみ対応

## モデレーターとサーバー管理者向け：/制限、/モデレーション

admin-log-channel = Easelのモデレーションログの送信先を{ $channel }に設定しました。
admin-rule-added = 禁止ワードに{ $kind }`{ $pattern }`を追加しました。一致するプロンプトは、モデルに送信される前に拒否されます。
admin-rule-exists = { $kind }`{ $pattern }`はすでに禁止ワードに登録されています。
admin-rule-removed = 禁止ワードから{ $kind }`{ $pattern }`を削除しました。
admin-rule-missing = { $kind }`{ $pattern }`は禁止ワードに登録されていません。
admin-limit-set = { $whom }の`{ $limit }`を{ $value }に設定しました。
admin-reset-server = このサーバーの設定{ $count }件（すべての設定）をリセットしました。デフォルトが再び適用されます。
admin-reset = { $whom }の設定{ $count }件をリセットしました。デフォルトが再び適用されます。
admin-blocked-until = { $member }さんをこのサーバーでEaselからブロックしました。ブロックは{ $when }に解除されます。
admin-blocked = { $member }さんをこのサーバーでEaselからブロックしました。ブロックは解除するまで続きます。
admin-unblocked = { $member }さんは、このサーバーで再びEaselを利用できるようになりました。
admin-not-blocked = { $member }さんはブロックされていませんでした。
admin-not-manager = { $action }には「サーバー管理」権限が必要です。
admin-not-moderator = { $action }には、このサーバーのモデレーター権限（「メッセージの管理」「メンバーをタイムアウト」「サーバー管理」のいずれか）が必要です。
admin-pattern-length = 禁止ワードの項目は1〜200文字で指定してください。
admin-pattern-no-letter = 禁止する単語には、文字または数字を1つ以上含めてください。
admin-pattern-regex = その正規表現はコンパイルできません：{ $why }
admin-not-in-server = 制限はサーバーごとの設定です。サーバー内でこのコマンドを使ってください。
admin-unknown-limit = `{ $limit }`はサーバーで設定できる制限ではありません。
admin-server-only = `{ $limit }`はサーバー自体の予算です。メンバーやロールを指定せずに設定してください。
admin-above-owner-cap = ボットのオーナーにより、サーバーの1日の予算の上限は{ $max }に設定されています。0からその金額までの範囲で指定してください。
admin-bad-hours = ブロック期間は0時間より長く、最大{ $max }時間（1年）までです。解除するまでブロックする場合は`時間`を指定しないでください。
admin-no-reason = 理由の記載なし
admin-block-reason = { $reason }（実施：{ $moderator }さん）
admin-store-failed = 保存中に問題が発生しました。変更は行われていません。
action-choose-log-channel = Easelのログチャンネルを設定する
action-change-blocklist = 禁止ワードを変更する
action-read-blocklist = 禁止ワードを確認する
action-read-history = Easelのジョブ履歴を見る
action-see-limits = Easelの制限を確認する
action-change-limits = Easelの制限を変更する
action-block-members = メンバーをEaselからブロックする
action-lift-block = ブロックを解除する
rule-kind-word = 単語
rule-kind-regex = 正規表現
whom-server = このサーバー
whom-role = { $role }のメンバー
blocklist-empty = 禁止ワードは登録されていません。
blocklist-heading = **禁止ワード**（{ $count }件）
limits-heading-server = **このサーバーの制限**
limits-heading-member = **{ $member }さんの制限**
limits-role-tiers = ロール別の制限：{ $tiers }
limits-blocked-until = ブロック中（{ $when }に解除）：{ $reason }
limits-blocked = ブロック中（解除されるまで）：{ $reason }
limits-managers-exempt = 「サーバー管理」権限を持つメンバーには、メンバーごとの制限は適用されません。
limits-managers-held = 「サーバー管理」権限を持つメンバーにも、メンバーごとの制限が適用されます。
history-empty-server = このサーバーの{ $page }/{ $pages }ページにジョブはありません。
history-empty-member = { $member }さんの{ $page }/{ $pages }ページにジョブはありません。
history-heading-server = **このサーバーのEaselジョブ**：{ $page }/{ $pages }ページ（全{ $total }件）
history-heading-member = **{ $member }さんのEaselジョブ**：{ $page }/{ $pages }ページ（全{ $total }件）
history-line = { $time } { $member } /{ $command } { $model } · **{ $outcome }**{ $reason } · { $cost } · 「{ $prompt }」{ $link } · ジョブ{ $job }{ $from }
history-result = 結果
history-newer = ◀ 新しいジョブ
history-older = 古いジョブ ▶
report-moderators-only = サーバーの支出を確認できるのはモデレーターのみです。
report-read-failed = 現在、サーバーの支出を読み込めませんでした。もう一度お試しください。
report-heading = **このサーバーの画像の支出（過去{ $days }日間）**：{ $usd }（{ $images }枚）
report-failed = 失敗したジョブへの支出（モデルは応答したものの、画像を配信できなかったもの。メンバーには請求されていません）：{ $usd }
report-top = **利用上位のメンバー**
report-community = コミュニティリクエスト
report-line = { $rank }. { $who }：{ $usd }（{ $images }枚）

## モデレーションログ

outcome-delivered = 配信済み
outcome-refused-by-provider = プロバイダーが拒否
outcome-refused-by-rules = サーバーのルールで拒否
outcome-failed = 失敗
log-title = /{ $command }：{ $outcome }
log-jump = 画像へ移動
log-footer = ジョブ{ $job }
log-cancelled-by = { $member }さんがキャンセルしました
field-requester = リクエスト者
field-channel = チャンネル
field-result = 画像
field-command = コマンド
field-outcome = 結果
field-reason = 理由
notice-model-retired = **モデルの提供終了**：`{ $model }`は提供されなくなったため、選択肢から外れました。このモデルへのリクエストには、代わりに`{ $replacement }`が使われます。
notice-model-retiring-tomorrow = **モデルの提供終了予定**：`{ $model }`は{ $date }（明日）に提供が終了します。
notice-model-retiring = **モデルの提供終了予定**：`{ $model }`は{ $date }（{ $days }日後）に提供が終了します。
notice-move-to = `{ $replacement }`への移行をおすすめします（メンバーはすでに選択できます）。
spend-server-used-up = **支出アラート**：このサーバーの1日の画像予算を使い切りました。過去24時間の支出は{ $budget }のうち{ $spent }です（{ $percent }%）。予算に空きが出るまで、新しいリクエストは拒否されます。
spend-server-passed = **支出アラート**：このサーバーの1日の画像予算が{ $percent }%に達しました。過去24時間の支出は{ $budget }のうち{ $spent }です。
spend-bot-used-up = **支出アラート**：ボットの月間画像予算を使い切りました。今月の支出は{ $budget }のうち{ $spent }です（{ $percent }%）。予算に空きが出るまで、新しいリクエストは拒否されます。
spend-bot-passed = **支出アラート**：ボットの月間画像予算が{ $percent }%に達しました。今月の支出は{ $budget }のうち{ $spent }です。

## コミュニティリクエスト

desk-posted = リクエストを{ $channel }に投稿しました。モデレーターが承認するかどうかを判断し、結果はDMでお知らせします。メンバーはそのチャンネルでリクエストに投票できます。
desk-approved = 承認しました。サーバーの予算で画像を作成し、投稿します。
desk-approved-in = 承認しました。サーバーの予算で画像を作成し、{ $gallery }に投稿します。
desk-denied = 却下しました。リクエスト者には理由を伝えました。
desk-denied-to-requester = あなたのリクエスト「{ $prompt }」は、モデレーターに承認されませんでした。理由：{ $reason }
desk-delivered-to-requester = あなたのリクエスト「{ $prompt }」は{ $moderator }さんに承認され、画像がギャラリーに投稿されました：{ $link }
desk-outside-servers = リクエストはサーバー内でのみ利用できます。
desk-no-channel = このサーバーにはまだリクエストチャンネルがありません。モデレーターが`/リクエストボード チャンネル`で設定できます。
desk-too-many-open = このサーバーで受付中のあなたのリクエストがすでに{ $count }件あり、同時に出せる上限に達しています。モデレーターがいずれかを判断するまでお待ちください。
desk-starting = Easelはまだ起動中です。少ししてからもう一度お試しください。
desk-cannot-post = { $channel }に投稿できませんでした。そのチャンネルでのメッセージ送信を許可するよう、モデレーターに依頼してください。
desk-no-such-request = そのリクエストの記録はありません。
desk-own-request = 自分のリクエストには投票できません。
desk-voter-blocked = このサーバーでEaselからブロックされている間は投票できません。
desk-already-voted = このリクエストにはすでに投票済みです。
desk-decided = このリクエストはすでに判断済みです。
desk-not-started = 生成を開始できなかったため、リクエストは受付中のままです：{ $why }
desk-not-decider = リクエストを承認・却下できるのは、モデレーター（「メッセージの管理」権限、またはサーバーのリクエスト担当ロールを持つメンバー）のみです。
desk-not-saved = 現在、保存できませんでした。もう一度お試しください。
desk-no-open = 受付中のリクエストはありません。
desk-managers-only = リクエストボードを変更できるのは、「サーバー管理」権限を持つメンバーのみです。
desk-channel-set = リクエストカードは{ $channel }に投稿されます。
desk-gallery-set = 承認された結果は{ $channel }に投稿されます。
desk-moderators-set = { $role }のメンバーがリクエストを承認・却下できるようになりました。
desk-need-role = 承認が不要になるメンバーの`ロール`を指定してください。
desk-need-cost = 承認が必要になる費用の基準（`金額`、0〜1000）を指定してください。
desk-need-channel = 先に`/リクエストボード チャンネル`でリクエストチャンネルを設定してください。
desk-policy-off = リクエストに承認は不要になりました。メンバーの画像は各自の予算で作成されます。
desk-policy-everyone = すべてのメンバーのリクエストに、モデレーターの承認が必要になりました。
desk-policy-without-role = { $role }を持たないメンバーのリクエストに、モデレーターの承認が必要になりました。
desk-policy-over-cost = 見積額が{ $usd }を超えるリクエストに、モデレーターの承認が必要になりました。
desk-list-heading = **受付中のリクエスト**
desk-list-line = { $rank }. **{ $prompt }**（{ $member }）· { $votes }票 · 約{ $usd } · { $when }{ $link }
card-title = コミュニティリクエスト
card-waiting = モデレーターの判断待ち
card-approved-by = { $moderator }さんが承認
card-denied-by = { $moderator }さんが却下：{ $reason }
card-estimated-cost = 見積額
card-votes = 投票数
card-status = ステータス
card-note = メモ
card-footer = リクエスト{ $request }
card-approve = 承認
card-deny = 却下
card-vote = 投票（{ $votes }）
deny-modal-title = このリクエストを却下
deny-modal-reason = 理由（リクエスト者に伝えられます）

## Discordに表示されるコマンド（名前：小文字、スペースなし、32文字以内。
## 説明：100文字以内）。オプション名は、そのオプションを持つすべてのコマンドで共通です。

name-add = 追加
name-block = ブロック
name-blocklist = 禁止ワード
name-cancel = キャンセル
name-cfg_scale = cfg_scale
name-channel = チャンネル
name-edit = 編集
name-gallery = ギャラリー
name-generate = 生成
name-hd = hd
name-help = ヘルプ
name-history = 履歴
name-hours = 時間
name-image = 画像
name-job = ジョブ
name-limit = 制限項目
name-limits = 制限
name-list = 一覧
name-log-channel = ログチャンネル
name-markup = 書き込み
name-mask = マスク
name-mode = モード
name-model = モデル
name-moderation = モデレーション
name-moderators = モデレーター
name-n = 枚数
name-negative_prompt = ネガティブプロンプト
name-note = メモ
name-page = ページ
name-pattern = パターン
name-policy = 承認条件
name-prompt = プロンプト
name-public = 公開
name-quality = 品質
name-reason = 理由
name-reference = 参考画像
name-name = 名前
name-text = 言葉
name-scope = 範囲
name-save = 保存
name-delete = 削除
name-regex = 正規表現
name-remove = 削除
name-request = リクエスト
name-requests = リクエストボード
name-reset = リセット
name-role = ロール
name-sampler = サンプラー
name-seed = シード
name-server = サーバー
name-set = 変更
name-settings = 設定
name-show = 表示
name-size = サイズ
name-sort = 並び順
name-steps = ステップ数
name-style = スタイル
name-styles = スタイル比較
name-describe = プロンプト化
name-draft = 下書き
name-blend = 合成
name-image1 = 画像1
name-image2 = 画像2
name-image3 = 画像3
name-image4 = 画像4
name-image5 = 画像5
name-subject = 題材
name-suffix = 追記
name-unblock = ブロック解除
name-usage = 利用状況
name-usd = 金額
name-user = メンバー
name-value = 値
name-variation = バリエーション

desc-generate = プロンプトから画像を生成
desc-generate-prompt = 作りたい画像の説明
desc-generate-model = 描画に使うモデル
desc-generate-size = 画像サイズ
desc-generate-quality = 品質（高いほど料金も上がります）
desc-generate-style = 保存したスタイル、またはモデルのスタイル（入力すると候補が出ます）
desc-generate-n = 画像の枚数
desc-generate-draft = まず安価な下書きを作成（モデルの最低品質）。「仕上げ」で最高品質に作り直します
desc-generate-reference = 忠実に再現したい人物・物・商品の画像（対応モデルのみ）
desc-generate-seed = 結果を再現するためのシード（Stable Diffusion）
desc-generate-steps = サンプリングのステップ数（Stable Diffusion）
desc-generate-cfg_scale = プロンプトにどれだけ忠実に従うか
desc-generate-sampler = サンプラー（Stable Diffusion）
desc-generate-negative_prompt = 画像に含めたくないもの
desc-hd = モデルの最高品質でプロンプトから画像を生成
desc-hd-prompt = 作りたい画像の説明
desc-hd-model = 描画に使うモデル
desc-hd-size = 画像サイズ
desc-variation = アップロードした画像のバリエーションを作成
desc-variation-image = PNG、JPEG、WebP形式の画像
desc-variation-prompt = 変更したい点（任意）
desc-variation-model = バリエーションを作るモデル
desc-variation-n = 画像の枚数
desc-cancel = 待機中または進行中の、最新の画像リクエストをキャンセル
desc-styles = 1つの題材を最大4つのスタイルで並べて比較
desc-styles-subject = 描くもの（例：夕暮れの灯台）
desc-styles-styles = 最大4つのスタイルを半角カンマ区切りで（デフォルト：写実的, 油絵, 水彩画, サイバーパンク）
desc-styles-model = 描画に使うモデル
desc-styles-size = 画像サイズ
desc-describe = 画像から使えるプロンプトを作成
desc-describe-image = PNG、JPEG、WebP形式の画像
desc-describe-model = 読み取りに使うモデル
desc-blend = アップロードした2〜5枚の画像を1枚に合成
desc-blend-image1 = 1枚目の画像
desc-blend-image2 = 2枚目の画像
desc-blend-image3 = 3枚目の画像
desc-blend-image4 = 4枚目の画像
desc-blend-image5 = 5枚目の画像
desc-blend-prompt = 合成の仕方（任意）
desc-blend-model = 合成に使うモデル
desc-blend-n = 画像の枚数
desc-edit = アップロードした画像を変更（全体、またはマスクで指定した部分のみ）
desc-edit-image = PNG、JPEG、WebP形式の画像
desc-edit-prompt = 変更したい内容
desc-edit-mask = 画像と同じサイズで、変更する部分は白、残す部分は黒
desc-edit-markup = 画像のコピーに書き込んだ指示（書き込み対応モデルのみ）
desc-edit-model = 編集に使うモデル
desc-edit-n = 画像の枚数
desc-show = 自分の結果をボタン付きでもう一度投稿
desc-show-job = 結果の下に表示されているジョブ番号
desc-settings = /生成 のデフォルト設定（オプションなしで現在の設定を表示）
desc-settings-model = デフォルトのモデル
desc-settings-size = デフォルトのサイズ
desc-settings-quality = デフォルトの品質
desc-settings-style = デフォルトのスタイル
desc-settings-suffix = すべてのプロンプトの末尾に追加する言葉（空欄：なし）
desc-settings-public = 結果を全員に公開（true）するか、自分だけに表示（false）するか
desc-settings-reset = デフォルト設定をすべてクリア
desc-help = プロンプトの書き方、全コマンド、モデルと価格、あなたの制限
desc-usage = 今日の利用量と残り
desc-usage-server = モデレーター向け：過去30日間のサーバーの日別支出と利用上位のメンバー
desc-limits = このサーバーでのEaselの制限を確認・変更
desc-limits-show = サーバーまたはメンバーの制限を表示
desc-limits-show-user = メンバー
desc-limits-set = サーバー、ロール別、またはメンバーの制限を設定
desc-limits-set-limit = 設定する制限
desc-limits-set-value = 数値、または制限なしにする場合は`none`
desc-limits-set-user = メンバー
desc-limits-set-role = ロール（ロール別の制限）
desc-limits-reset = サーバー、ロール、またはメンバーの設定をデフォルトに戻す
desc-limits-reset-user = メンバー
desc-limits-reset-role = ロール（ロール別の制限）
desc-limits-block = このサーバーでメンバーのEasel利用をブロック
desc-limits-block-user = メンバー
desc-limits-block-hours = 期間（最大1年。デフォルト：解除するまで）
desc-limits-block-reason = 理由（モデレーター向け）
desc-limits-unblock = ブロックしたメンバーが再びEaselを使えるようにする
desc-limits-unblock-user = メンバー
desc-moderation = Easelのモデレーションツール
desc-moderation-log-channel = Easelがすべてのジョブを記録するチャンネル
desc-moderation-log-channel-channel = テキストチャンネル
desc-moderation-blocklist = 拒否する単語とパターン
desc-moderation-blocklist-add = この単語またはパターンを含むプロンプトを拒否
desc-moderation-blocklist-add-pattern = 単語、フレーズ、または正規表現
desc-moderation-blocklist-add-regex = パターンを正規表現として扱う
desc-moderation-blocklist-remove = この単語またはパターンの拒否をやめる
desc-moderation-blocklist-remove-pattern = 単語、フレーズ、または正規表現
desc-moderation-blocklist-remove-regex = パターンを正規表現として扱う
desc-moderation-blocklist-list = 禁止ワードを表示
desc-moderation-history = メンバー（または全員）の最近のジョブと結果
desc-moderation-history-user = メンバー
desc-moderation-history-page = ページ番号
desc-moderation-unblock = メンバーのブロックまたは一時停止を解除
desc-moderation-unblock-user = メンバー
desc-request = コミュニティに画像をリクエスト（モデレーターが承認し、サーバーが費用を負担）
desc-request-prompt = 作りたい画像の説明
desc-request-reference = 参考にする画像
desc-request-note = モデレーターへのメモ
desc-requests = コミュニティリクエストのボード
desc-requests-list = 受付中のリクエスト
desc-requests-list-sort = 並び順
desc-requests-channel = リクエストカードを投稿するチャンネル（サーバー管理）
desc-requests-channel-channel = リクエストチャンネル
desc-requests-gallery = 承認された結果を投稿するチャンネル（サーバー管理）
desc-requests-gallery-channel = ギャラリーチャンネル
desc-requests-moderators = リクエストを承認・却下できるロール（サーバー管理）
desc-requests-moderators-role = ロール
desc-requests-policy = 事前に承認が必要なリクエスト（サーバー管理）
desc-requests-policy-mode = 承認が必要な対象
desc-requests-policy-role = 「ロールを持たないメンバー」を選んだ場合のロール
desc-requests-policy-usd = 「一定額を超えるリクエスト」を選んだ場合の金額（米ドル）
desc-settings-language = Easelが応答する言語（デフォルト：Discordの言語設定）
desc-settings-draft = 特に指定しない限り、/生成 の画像を安価な下書きとして作成
desc-hd-style = 保存したスタイル、またはモデルのスタイル（入力すると候補が出ます）
desc-style = 保存したスタイル：名前をスタイルに選ぶと、その言葉がプロンプトに加わります
desc-style-save = 言葉に名前を付けて保存します
desc-style-save-name = スタイルの名前
desc-style-save-text = プロンプトに加える言葉
desc-style-save-scope = 自分だけか、サーバーの全員用か（モデレーターのみ）
desc-style-save-reference = スタイルが忠実に従う画像（参考画像に対応したモデル）
desc-style-list = あなたとサーバーのスタイル
desc-style-delete = スタイルを削除します
desc-style-delete-name = スタイルの名前
desc-style-delete-scope = 自分だけか、サーバーの全員用か（モデレーターのみ）
name-language = 言語

# メッセージコマンド：メッセージの「アプリ」メニューに表示される名前です（単語・大文字・空白を使えます。
# 最大32文字）。
menu-edit-with-easel = Easelで編集
menu-vary-with-easel = Easelでバリエーションを作成
menu-describe-with-easel = Easelでプロンプト化

# 固定の選択肢（モデル名、サイズ、品質はそのまま）。
choice-mine = 自分
choice-server = サーバー
choice-most-votes = 得票数順
choice-oldest = 古い順
choice-nobody-off = なし（オフ）
choice-everyone = 全員
choice-members-without-a-role = ロールを持たないメンバー
choice-requests-over-a-cost = 一定額を超えるリクエスト
choice-my-discord-language = 自分のDiscordの言語設定
