# Easel 的简体中文（zh-CN）界面文本：由 en-US.ftl 翻译而来；本文件缺少的消息会回退到英文。
#
# 术语表（Easel 的固定术语，全文每个术语只用一个译法）：
#   job（任务）：Easel 执行的一次图片请求，带有编号，显示为“任务编号：123”。
#   queue（队列）：等待某个模型处理的任务队列。
#   budget（预算）：服务器、成员或机器人可用于生成图片的金额。
#   limit（限制）：服务器设定的规则（冷却时间、每日图片数、预算）。
#   block（封禁）：管理员禁止某个成员使用 Easel；pause（暂停）：成员的请求多次被拒后，Easel 暂停其使用。
#   blocklist（屏蔽词表）：服务器在提示词中禁止出现的词语和模式。
#   moderation log（审核日志）：Easel 为管理员记录每个任务的频道。
#   community request（社区申请，简称“申请”）：成员请服务器为一张图片付费，由管理员批准或拒绝。
#   gallery（画廊）：发布已批准的社区申请结果的频道。
#   Re-roll（重新生成）、Vary（变体）、HD（高清）、Edit（编辑）、Delete（删除）：结果下方的按钮。
#   prompt（提示词）：描述图片的文字；model（模型）：绘制图片的图片服务。
#   server（服务器）：Discord 服务器；moderator（管理员）：服务器的管理人员。
#
# { $braces } 中的变量由 Easel 填入，必须全部保留（有测试检查）。Discord 标记
# （`代码`、**粗体**、-# 小字）保持原样。多行消息的续行不能以 [、* 或 . 开头（Fluent 的规则）。

## 通用

job-footnote = -# 任务编号：{ $job }
not-charged = 本次不计费。
list-none = 无
generic-failure = 我这边出了点问题，请重试。
servers-only = Easel 只能在服务器中使用，这样服务器的限制和管理员才能发挥作用。请在服务器的频道中使用。
not-enabled = 此服务器尚未启用 Easel。可以使用 Easel 的服务器由其所有者决定。
choose-subcommand = 请选择一个子命令。
unknown-subcommand = 未知的子命令。
choose-channel = 请选择一个频道。
choose-member-to-block = 请选择要封禁的成员。
choose-member-to-unblock = 请选择要解封的成员。

## 任务未生成图片的原因

refusal-category-sexual = 色情内容
refusal-category-self-harm = 自残
refusal-category-violence = 暴力
refusal-category-hate = 仇恨或骚扰
refusal-category-illegal = 违法活动
refusal-category-real-people = 真实人物或受保护的作品
refusal-category-unnamed = 服务商的安全规则

failure-queue-full-server = Easel 正忙：此服务器的图片请求队列已满。请过几分钟再试，本次不计费。
failure-queue-full-bot = Easel 现在非常忙：图片请求队列已满。请过几分钟再试，本次不计费。
failure-restarting = Easel 正在重启，请过一分钟再试，本次不计费。
failure-blocked-until = 你目前无法在此服务器使用 Easel。封禁将在{ $when }结束，管理员也可以提前解除。
failure-blocked = 在管理员解除封禁之前，你无法在此服务器使用 Easel。
failure-blocked-until-personal = 你目前无法使用 Easel：你在 Easel 主服务器被封禁或暂停。封禁将在{ $when }结束，管理员也可以提前解除。
failure-blocked-personal = 在 Easel 主服务器的管理员解除封禁之前，你无法使用 Easel。
failure-result-unusable = 图片服务返回的图片无法读取（已损坏、不完整或过大），因此没有可发送的内容。请重试，本次不计费。
failure-provider-refused = 图片服务商根据其内容政策拒绝了此请求（原因：{ $category }）。请修改提示词的措辞，本次不计费。
failure-rules = 此提示词违反了本服务器的图片请求规则，因此未被发送。请修改措辞，本次不计费。
failure-rules-personal = 此提示词违反了 Easel 所有者设定的图片请求规则，因此未被发送。请修改措辞，本次不计费。
failure-rules-flagged = 此提示词未通过内容审核（{ $categories }），因此未被发送。请修改措辞，本次不计费。
failure-upload-flagged = 你上传的图片未通过内容审核（{ $categories }），因此未被发送。请换一张图片，本次不计费。
failure-unavailable = 图片服务暂时没有响应（可能已宕机或正在重启）。请稍后再试，本次不计费。
failure-busy = 图片服务当前繁忙，请过一分钟再试，本次不计费。
failure-timed-out = 图片服务响应超时，请重试，本次不计费。
failure-stopped-on-server = 图片服务的运营方中止了本次生成，因此没有图片。你可以重新请求，本次不计费。
failure-model-retired-replaced = 模型`{ $model }`已被其服务商停用，请改用`{ $replacement }`。
failure-model-retired = 模型`{ $model }`已被其服务商停用，请选择其他模型。
failure-misconfigured = Easel 针对此模型的配置有误，暂时无法生成图片。已在机器人日志中通知其所有者，本次不计费。
failure-result-lost = 图片已生成，但在我保存之前链接已过期。请重试，本次不计费。
failure-delivery = 你的图片已生成，但 Discord 拒绝了上传。请重试，本次不计费。
failure-translation = 我暂时无法为此模型将你的提示词翻译成英文。请重试，或直接用英文书写，本次不计费。
failure-unexpected = 我这边出了点问题，请重试，本次不计费。
failure-pause = 由于你的请求多次被拒，你在此服务器暂停使用 Easel，将在{ $when }恢复。
failure-pause-personal = 由于你的请求多次被拒，你暂停使用 Easel，将在{ $when }恢复。

source-untrusted-host = 我只从 Discord 下载图片，而这张图片来自其他网站。请直接在命令中附上图片。
source-too-large = 你的图片超过了{ $megabytes } MB 的下载上限，请附上一张更小的图片。
source-longer-than-declared = 实际收到的文件比 Discord 声明的上传大小更大，因此我停止了下载。请重新附上图片。
source-gone = 在我下载之前，你的图片链接已过期。请重新附上。
source-kept-gone = 与该已保存风格一起保存的图片已不存在。请带上图片重新保存该风格。
source-cut-short = 从 Discord 下载你的图片时中断了，请重试。
source-failed = 我无法从 Discord 下载你的图片，请稍后再试。
source-not-an-image = 该文件不是 PNG、JPEG 或 WebP 图片，请附上这几种格式之一的图片。
source-too-many-pixels = 你的图片为{ $width }×{ $height }像素；我能处理的图片每边最多{ $side }像素，总计最多{ $megapixels }百万像素。请附上一张更小的图片。
source-damaged = 你的文件开头看起来像图片，但已损坏或不完整，我无法读取。请重新附上。
source-cannot-fit = 我无法将你的图片缩小到此模型可接受的大小，请附上一张更小的图片。
source-encode = 为模型准备你的图片时出了问题，请重试。
source-mask-mismatch = 你的蒙版是{ $mask }像素，而图片是{ $image }像素。请在同尺寸的图片副本上绘制（需要修改的地方涂白，保持不变的地方涂黑）。
source-markup-mismatch = 你的标注图是{ $mask }像素，而图片是{ $image }像素。请在同尺寸的图片副本上绘制。

## 不符合可用选项的请求

invalid-unknown-model = `{ $model }`不是本机器人提供的模型。请从以下模型中选择：{ $offered }。
invalid-empty-prompt = 请输入提示词，描述你想要的图片。
invalid-prompt-too-long = 你的提示词有{ $length }个字符；`{ $model }`最多接受{ $max }个字符。
invalid-not-allowed = `{ $model }`不支持{ $option }`{ $value }`。可选值：{ $allowed }。
invalid-no-styles = `{ $model }`不支持风格，请不要填写风格选项。
invalid-count = `{ $model }`每次请求可生成{ $min }到{ $max }张图片，而你请求了{ $count }张。
invalid-variation-unsupported = `{ $model }`无法生成变体。支持的模型：{ $capable }。
invalid-missing-image = 请附上要生成变体的图片。
invalid-blend-unsupported = `{ $model }`无法融合图片，也无法参照参考图。支持的模型：{ $capable }。
invalid-blend-count = { $max ->
    [2] 请恰好附上2张要融合的图片（你附上了{ $given }张）。
   *[other] 请附上2到{ $max }张要融合的图片（你附上了{ $given }张）。
}
invalid-edit-unsupported = `{ $model }`无法编辑图片。支持的模型：{ $capable }。
invalid-option-unsupported = `{ $model }`不支持{ $option }；请不要填写该项，或选择支持它的模型：{ $capable }。
invalid-style-picture-unsupported = 该已保存风格带有参考图，`{ $model }`无法使用。请选择可以使用的模型：{ $capable }。
invalid-tuning-range = { $option }必须在{ $min }到{ $max }之间，请换一个值。
invalid-seed = 种子必须是-1到4294967295之间的整数，而你填写的是{ $seed }。
invalid-styles = 请填写1到{ $max }种风格，用英文逗号（,）分隔。
invalid-styles-unsupported = `{ $model }`每种风格只能生成一张图片，请为`/多风格`另选一个模型。
invalid-not-an-image = `{ $file }`不是图片，请附上 PNG、JPEG 或 WebP 图片。
invalid-image-too-large = `{ $file }`大小为{ $size } MB，而我接受的图片最大为{ $max } MB。

# 上面这些句子中对请求选项的称呼。
option-word-size = 尺寸
option-word-quality = 质量
option-word-style = 风格
option-word-steps = 步数
option-word-cfg_scale = cfg_scale
option-word-sampler = 采样器
option-word-markup = 标注
option-word-mask = 蒙版
option-word-reference = 参考图
option-word-tuning = 步数、cfg_scale 或采样器

## 限制

limit-cooldown = 两次请求之间需要稍等片刻：你可以在{ $when }再次请求。
limit-when-one-finishes = 其中一个完成后
limit-in-flight = 你已有{ $limit }个图片请求正在进行，已达到同时进行的上限。请等其中一个完成。
limit-images-per-day = 已达到每日图片限制：每24小时{ $limit }张，还剩{ $left }张，而此请求需要{ $needed }张。{ $when }会有更多额度。
limit-user-usd = 你的每日预算即将用完：每24小时{ $limit }，还剩{ $left }，而此请求约需{ $needed }。{ $when }会有更多额度。
limit-guild-usd = 本服务器的每日图片预算即将用完：共{ $limit }，还剩{ $left }，而此请求约需{ $needed }。{ $when }会有更多额度。
limit-personal-usd = 你的个人每日预算（在安装了 Easel 的服务器之外使用 Easel 时适用）即将用完：每24小时{ $limit }，还剩{ $left }，而此请求约需{ $needed }。{ $when }会有更多额度。
limit-global-usd = 机器人的每月预算即将用完：还剩{ $left }，而此请求约需{ $needed }。预算将在{ $when }重置。
limit-bad-value-whole = `{ $limit }`不能取值`{ $value }`：请填写{ $min }到{ $max }之间的整数（{ $unit }），或填写`none`表示不限制。
limit-bad-value = `{ $limit }`不能取值`{ $value }`：请填写{ $min }到{ $max }之间的数字（{ $unit }），或填写`none`表示不限制。
limit-unit-seconds = 秒
limit-unit-jobs = 同时进行的任务数
limit-unit-images = 图片张数
limit-unit-usd = 美元
limit-none = 无限制
limit-seconds = { $seconds }秒

## /用量

usage-heading = **你的 Easel 用量**
usage-label-cooldown = 冷却时间
usage-label-in-flight = 进行中的图片
usage-label-images = 图片（24小时）
usage-label-user-usd = 你的预算（24小时）
usage-label-guild-usd = 服务器预算（24小时）
usage-label-global-usd = 机器人预算（本月）
usage-exempt = **{ $label }**：不受限制（拥有“管理服务器”权限）
usage-cooldown-waiting = **{ $label }**：{ $limit }，{ $when }可再次请求
usage-cooldown-ready = **{ $label }**：{ $limit }，现在即可请求
usage-unlimited = **{ $label }**：已用{ $used }，无限制
usage-used = **{ $label }**：已用{ $used }，共{ $limit }，还剩{ $left }
usage-cancelled = -# 包括你在模型开始运行后取消的{ $count }张图片，按预估费用（{ $usd }）计算：服务商在调用开始后即会计费。
usage-latest-failure = 你最近一次未生成图片的私密请求（{ $when }，任务{ $job }）：{ $reason }

## 任务等待或运行时的消息；取消

progress-next = 你在`{ $model }`的队列中排在下一位。
progress-place = 你在`{ $model }`的队列中排第{ $place }位。
progress-step = 正在用`{ $model }`生成你的图片：第{ $step }步（共{ $steps }步）…
progress-running = 正在用`{ $model }`生成你的图片…
progress-cancelled-by = 已由{ $member }取消。
progress-backend-down = 此模型的图片服务暂时没有响应。你的请求会保留排队位置，待服务恢复后继续运行；在此期间你可以取消它。
button-cancel = 取消
cancel-nothing-charged = 未产生任何费用。
cancel-charged-estimate = 模型已经开始运行，因此本次按预估费用（{ $estimate }）计入限制。
cancel-done = 已取消。
cancel-not-found = 找不到该请求。
cancel-not-yours = 只有发起此图片请求的成员或管理员才能取消它。
cancel-already-finished = 该请求已经完成，无需取消。
cancel-failed = 取消请求时出了问题，请重试。
cancel-nothing-active = 你没有正在等待或进行中的图片请求。
cancel-lookup-failed = 查找你的请求时出了问题，请重试。

## 结果

result-title-generate = 你的图片
result-title-hd = 你的高清图片
result-title-variation = 你的变体
result-title-edit = 你编辑后的图片
result-title-styles = 你的风格对比
result-title-extend = 你扩展后的图片
result-title-blend = 你融合后的图片
result-title-describe = 根据你的图片生成的提示词
result-describe-intro = 可以直接使用，也可以先修改：每个按钮都会打开 /生成，并填入对应的提示词。
result-variation-description = 基于你的图片生成的变体
result-footer = 任务编号：{ $job } · /查看 { $job }
result-cost-usage = { $cost }（按 token 用量计算）
result-cost-catalogue = { $cost }（标价）
result-ai-generated = 已在每个文件的元数据中标注
result-ready = { $member }，你的图片已生成。
result-fetched-again = 已从 Discord 上的原消息重新获取。
result-gallery-credit = 申请人：{ $requester } · 批准人：{ $moderator }
field-revised-prompt = 改写后的提示词
field-model = 模型
field-size = 尺寸
field-quality = 质量
field-cost = 费用
field-ai-generated = AI 生成
field-requested-by = 请求者
field-from = 来源
result-from = 任务编号：{ $job }
field-draft = 草稿
result-draft = 以最便宜的质量`{ $quality }`生成。点击“优化”可用`{ $top }`质量重新生成，约需{ $estimate }。
field-seeds = { $count ->
   *[other] 种子
    }
field-parameters = 参数
field-negative-prompt = 反向提示词
field-styles = 风格
field-prompt-sent = 发送给模型的提示词（英文）
button-reroll = 重新生成
button-enhance = 优化
button-pan-left = ⬅️ 扩展
button-pan-right = ➡️ 扩展
button-pan-up = ⬆️ 扩展
button-pan-down = ⬇️ 扩展
button-zoom-out = 拉远{ $factor }×
button-edit = 编辑
button-delete = 删除
button-vary = 变体
button-vary-numbered = 变体{ $number }
button-hd = 高清
button-hd-numbered = 高清{ $number }
button-upscale-creative = 放大（创意）
button-use-numbered = 使用{ $number }
delete-not-yours = 只有发起此图片请求的成员或管理员才能删除它。
delete-done = 已删除。
delete-failed = 我无法删除那条消息，请稍后再试。
click-other-server = 该结果属于另一个服务器，其按钮只能在那里使用。
click-private = 该结果仅对发起请求的成员可见。
click-not-on-record = 我已没有该结果的记录，因此其按钮无法使用。请用`/生成`重新请求。
edit-modal-title = 编辑此图片
edit-modal-instruction = 需要修改什么？
edit-modal-placeholder = 例如：给狐狸围上一条红围巾
edit-modal-which = 编辑哪张图片（1到{ $count }）？
generate-modal-title = 生成图片
generate-modal-prompt = 提示词
menu-no-image = 这条消息里没有 Easel 可以使用的图片。请选择一条带有 PNG、JPEG 或 WebP 图片的消息。
menu-which-image = 使用哪张图片？请选择一张：
menu-image-numbered = 图片{ $number }
menu-expired = 此选择已过期。请重新使用该消息的“应用”菜单。
edit-which-number = 请填写图片编号，例如1或2。
edit-no-such-image = 在那条消息中找不到第{ $number }张图片。

## /查看

show-unknown = 没有找到图片任务`{ $job }`的记录。
show-not-yours = 只有发起此图片请求的成员或管理员才能重新显示它。
show-not-delivered = 该任务未成功送达（状态：{ $state }），因此没有可显示的内容。
show-gone = 该任务的图片已不再保存，我也不知道它们发布在哪里。
show-private = 该结果为私密内容。
show-deleted = 该结果已从 Discord 删除，其图片也不再保存，因此无法显示。
show-unreachable = 我暂时无法访问 Discord 上该结果的消息，请重试。
show-download-failed = 我暂时无法从 Discord 下载该结果的图片，请重试。
show-unreadable = 该结果的图片已无法读取。
show-emptied = 该结果的消息中已不再包含图片，因此无法显示。
job-state-queued = 排队中
job-state-running = 生成中
job-state-delivered = 已送达
job-state-failed = 失败
job-state-cancelled = 已取消

## /偏好设置

settings-heading = **你的默认设置**
settings-saved = 已保存。你当前的默认设置：
settings-cleared = 已清除你的默认设置。
settings-read-failed = 暂时无法读取你的设置，请重试。
settings-save-failed = 暂时无法保存你的设置，请重试。
settings-model = 模型：{ $value }
settings-size = 尺寸：{ $value }
settings-quality = 质量：{ $value }
settings-style = 风格：{ $value }
settings-suffix = 提示词后缀：{ $value }
settings-language = 语言：{ $value }
settings-drafts-on = 草稿：开启（/生成 会先生成低价草稿，并附带“优化”按钮）
settings-drafts-off = 草稿：关闭
style-saved = 已保存风格 `{ $name }`。在 /生成 中把它选为风格，它的文字就会加到提示词里。
style-saved-with-picture = 已保存风格 `{ $name }` 及其参考图。在 /生成 中把它选为风格，它的文字和图片就会加到提示词里（仅限支持参考图的模型）。
style-deleted = 已删除风格 `{ $name }`。
style-not-found = 没有名为 `{ $name }` 的风格。
style-bad-name = 风格名称须为 1 到 { $max } 个字母、数字、空格、- 或 _。
style-bad-text = 风格的文字须为 1 到 { $max } 个字符。
style-too-many = 最多只能保存 { $max } 个风格，请先删除一个。
style-moderators-only = 只有本服务器的管理员可以保存或删除服务器的风格。
style-refused = 这些文字违反了本服务器的图片请求规则，因此风格未被保存。请修改措辞。
style-refused-personal = 这些文字违反了 Easel 所有者设定的图片请求规则，因此风格未被保存。请修改措辞。
style-list-mine = **你的风格**
style-list-server = **本服务器的风格**
style-list-picture = 带参考图
settings-results-private = 结果：仅你可见
settings-results-public = 结果：对所有人公开
settings-server-default = 服务器默认（`{ $model }`）
settings-model-default = 模型默认
settings-discord-language = 你的 Discord 语言（{ $language }）
settings-unknown-model = `{ $model }`不是本机器人提供的模型；可用模型请查看`/帮助`。
settings-not-offered = `{ $model }`不支持{ $option }`{ $value }`。
settings-suffix-too-long = 你的提示词后缀有{ $length }个字符，最多只能有{ $max }个。
settings-retired-default = 你保存的默认模型`{ $old }`已停用，已由`{ $replacement }`代替（现已保存为你的默认模型，可用`/偏好设置`更改）。

## /帮助

help-title = Easel：一起来画图
help-formula-rule = **主体 + 动作或状态 + 风格 + 环境 + 细节 + 质量词。**
help-formula-explain = 写清画面里有什么、在做什么、用什么手法画、身处何处、有哪些重要细节，以及希望画面有多精致。
help-example-one = **示例1**：一只红狐狸 · 蜷成一团熟睡 · 水彩 · 在白雪覆盖的白桦林中 · 柔和的晨光 · 细节丰富
help-example-one-command = `/生成 提示词: 一只红狐狸蜷成一团熟睡，水彩，在白雪覆盖的白桦林中，柔和的晨光，细节丰富`
help-example-two = **示例2**：一位灯塔看守人 · 在灯下读书 · 油画 · 暴风雨中的石塔内 · 雨打窗户，温暖的光晕 · 杰作，焦点清晰
help-example-two-command = `/生成 提示词: 一位灯塔看守人在灯下读书，油画，暴风雨中的石塔内，雨打窗户，温暖的光晕，杰作，焦点清晰`
help-styles-tip = 不确定用什么风格？`/多风格 主体: 黄昏时的灯塔`会并排展示同一主体的四种风格。
help-commands =
    `/生成` 将提示词变成图片 · `/高清` 同上，但使用模型的最高质量
    `/变体` 基于你上传的图片重新演绎 · `/编辑` 修改上传的图片（可用蒙版限定范围）
    `/多风格` 用最多4种风格呈现同一主体 · `/查看` 重新发布结果及其按钮
    `/偏好设置` 你的默认设置 · `/用量` 你的用量 · `/取消` 取消你等待中的请求
    结果下方的按钮：重新生成、变体、高清、编辑、删除。
    管理员：`/审核` · 服务器管理者：`/限制`
help-describe = `/描述` 将图片变成可用的提示词（也可在消息上使用：应用 → 用 Easel 描述）
help-blend = `/融合` 将2到5张图片融合成一张
help-reference = `/生成 参考图:` 提供一张要参照的图片
help-menus = 在带有图片的消息上，打开其“应用”菜单：用 Easel 编辑、用 Easel 生成变体
help-studio = `/风格 保存` 把文字（和图片）存为一个名字，再选作`风格` · `草稿:true` 先低价试一张，再点“优化” · 单张图片下方：⬅️➡️⬆️⬇️ 扩展、拉远1.5×或2×、放大（创意）
help-section-commands = 命令
help-section-studio = 工作室
help-section-models = 可用模型（默认尺寸和质量下单张图片的价格）
help-section-limits = 你的限制
help-limits-none = 未设置。
help-model = `{ $model }`：{ $price }
help-model-default = `{ $model }`（默认）：{ $price }
help-model-free = 自托管，免费
help-model-translates = 支持任何语言的提示词（会自动翻译成英文）
help-model-english-only = 仅支持英文提示词

## 管理员和服务器管理者：/限制、/审核

admin-log-channel = Easel 的审核日志现在会发送到{ $channel }。
admin-rule-added = 已将{ $kind }`{ $pattern }`添加到屏蔽词表。匹配的提示词会在调用任何模型之前被拒绝。
admin-rule-exists = { $kind }`{ $pattern }`已在屏蔽词表中。
admin-rule-removed = 已将{ $kind }`{ $pattern }`从屏蔽词表中移除。
admin-rule-missing = { $kind }`{ $pattern }`不在屏蔽词表中。
admin-limit-set = { $whom }的`{ $limit }`现为{ $value }。
admin-reset-server = 已重置本服务器的{ $count }项设置（全部设置），重新使用默认值。
admin-reset = 已重置{ $whom }的{ $count }项设置，重新使用默认值。
admin-blocked-until = { $member }已被封禁，无法在此服务器使用 Easel；封禁将在{ $when }结束。
admin-blocked = { $member }已被封禁，在解封之前无法在此服务器使用 Easel。
admin-unblocked = { $member }现在可以在此服务器重新使用 Easel。
admin-not-blocked = { $member }未被封禁。
admin-not-manager = 只有拥有“管理服务器”权限的成员才能{ $action }。
admin-not-moderator = 只有本服务器的管理员（拥有“管理消息”、“禁言成员”或“管理服务器”权限）才能{ $action }。
admin-pattern-length = 屏蔽词表的条目长度必须为1到200个字符。
admin-pattern-no-letter = 屏蔽词至少需要包含一个文字或数字。
admin-pattern-regex = 该正则表达式无法编译：{ $why }
admin-not-in-server = 限制属于服务器，请在服务器中使用此命令。
admin-unknown-limit = `{ $limit }`不是服务器可以设置的限制。
admin-server-only = `{ $limit }`是服务器自身的预算，设置时请不要指定成员或身份组。
admin-above-owner-cap = 机器人所有者将服务器的每日预算上限设为{ $max }，请选择0到该值之间的数值。
admin-bad-hours = 封禁时长必须大于0且不超过{ $max }小时（一年）；如需封禁至手动解封，请不要填写`小时数`。
admin-no-reason = 未填写原因
admin-block-reason = { $reason }（操作人：{ $moderator }）
admin-store-failed = 保存时出了问题，未做任何更改。
action-choose-log-channel = 设置 Easel 的日志频道
action-change-blocklist = 修改屏蔽词表
action-read-blocklist = 查看屏蔽词表
action-read-history = 查看 Easel 的任务历史
action-see-limits = 查看 Easel 的限制
action-change-limits = 修改 Easel 的限制
action-block-members = 封禁成员
action-lift-block = 解除封禁
rule-kind-word = 词语
rule-kind-regex = 正则表达式
whom-server = 本服务器
whom-role = 拥有{ $role }身份组的成员
blocklist-empty = 屏蔽词表为空。
blocklist-heading = **屏蔽词表**（{ $count }条规则）
limits-heading-server = **本服务器的限制**
limits-heading-member = **{ $member }的限制**
limits-role-tiers = 身份组档位：{ $tiers }
limits-blocked-until = 已封禁（{ $when }结束）：{ $reason }
limits-blocked = 已封禁（直到解封）：{ $reason }
limits-managers-exempt = 拥有“管理服务器”权限的成员不受成员级限制的约束。
limits-managers-held = 拥有“管理服务器”权限的成员同样受成员级限制的约束。
history-empty-server = 本服务器第{ $page }/{ $pages }页没有任务。
history-empty-member = { $member }第{ $page }/{ $pages }页没有任务。
history-heading-server = **本服务器的 Easel 任务**：第{ $page }/{ $pages }页（共{ $total }个）
history-heading-member = **{ $member }的 Easel 任务**：第{ $page }/{ $pages }页（共{ $total }个）
history-line = { $time } { $member } /{ $command } { $model } · **{ $outcome }**{ $reason } · { $cost } · “{ $prompt }”{ $link } · 任务{ $job }{ $from }
history-result = 结果
history-newer = ◀ 较新
history-older = 较早 ▶
report-moderators-only = 只有管理员才能查看服务器的花费。
report-read-failed = 暂时无法读取服务器的花费，请重试。
report-heading = **本服务器近{ $days }天的图片花费**：{ $usd }，共{ $images }张图片。
report-failed = 失败任务的花费（模型已返回结果，但最终未能送达；未向任何成员收费）：{ $usd }。
report-top = **请求者排行**
report-community = 社区申请
report-line = { $rank }. { $who }：{ $usd }，{ $images }张图片

## 审核日志

outcome-delivered = 已送达
outcome-refused-by-provider = 被服务商拒绝
outcome-refused-by-rules = 被服务器规则拒绝
outcome-failed = 失败
log-title = /{ $command }：{ $outcome }
log-jump = 跳转到图片
log-footer = 任务编号：{ $job }
log-cancelled-by = 已被 { $member } 取消
field-requester = 请求者
field-channel = 频道
field-result = 结果
field-command = 命令
field-outcome = 处理结果
field-reason = 原因
notice-model-retired = **模型已停用**：`{ $model }`已停止服务，因此不再提供。对它的请求将改用`{ $replacement }`。
notice-model-retiring-tomorrow = **模型即将停用**：`{ $model }`将于{ $date }（明天）停止服务。
notice-model-retiring = **模型即将停用**：`{ $model }`将于{ $date }（{ $days }天后）停止服务。
notice-move-to = 请改用`{ $replacement }`（成员现在即可选择）。
spend-server-used-up = **花费提醒**：本服务器的每日图片预算已用完：过去24小时已花费{ $spent }，预算为{ $budget }（{ $percent }%）。在额度恢复之前，新请求将被拒绝。
spend-server-passed = **花费提醒**：本服务器的每日图片预算已用掉{ $percent }%以上：过去24小时已花费{ $spent }，预算为{ $budget }。
spend-bot-used-up = **花费提醒**：机器人的每月图片预算已用完：本月已花费{ $spent }，预算为{ $budget }（{ $percent }%）。在额度恢复之前，新请求将被拒绝。
spend-bot-passed = **花费提醒**：机器人的每月图片预算已用掉{ $percent }%以上：本月已花费{ $spent }，预算为{ $budget }。

## 社区申请

desk-posted = 你的申请已发布到{ $channel }，等待管理员批准，结果会通过私信通知你。其他成员可以在那里为它投票。
desk-approved = 已批准。图片正在使用服务器预算生成，完成后会发布。
desk-approved-in = 已批准。图片正在使用服务器预算生成，完成后会发布到{ $gallery }。
desk-denied = 已拒绝，并已告知申请人原因。
desk-denied-to-requester = 你的申请“{ $prompt }”未获管理员批准。原因：{ $reason }
desk-delivered-to-requester = 你的申请“{ $prompt }”已由{ $moderator }批准，图片已发布到画廊：{ $link }
desk-outside-servers = 社区申请只能在服务器中使用。
desk-no-channel = 本服务器尚未设置申请频道：管理员可以用`/社区申请 频道`进行设置。
desk-too-many-open = 你在这里已有{ $count }个待处理的申请，已达到上限。请等管理员处理其中一个。
desk-starting = Easel 仍在启动中，请稍后再试。
desk-cannot-post = 我无法在{ $channel }发布消息：请让管理员允许我在那里发送消息。
desk-no-such-request = 没有找到这个申请的记录。
desk-own-request = 你不能为自己的申请投票。
desk-voter-blocked = 你在此服务器被封禁期间无法投票。
desk-already-voted = 你已经为这个申请投过票了。
desk-decided = 这个申请已经处理过了。
desk-not-started = 无法开始生成，因此申请仍待处理：{ $why }
desk-not-decider = 只有管理员（拥有“管理消息”权限或本服务器的申请审批身份组）才能批准或拒绝申请。
desk-not-saved = 暂时无法保存，请重试。
desk-no-open = 目前没有待处理的申请。
desk-managers-only = 只有拥有“管理服务器”权限的成员才能更改申请板的设置。
desk-channel-set = 申请卡片将发布在{ $channel }。
desk-gallery-set = 已批准的结果将发布在{ $channel }。
desk-moderators-set = 拥有{ $role }身份组的成员可以批准和拒绝申请。
desk-need-role = 请填写`身份组`：该身份组的成员无需审批。
desk-need-cost = 请填写费用（`美元`，0到1000），超过该费用的申请需要审批。
desk-need-channel = 请先用`/社区申请 频道`选择一个申请频道。
desk-policy-off = 申请不再需要审批：成员的图片将使用他们自己的预算生成。
desk-policy-everyone = 现在每位成员的申请都需要管理员批准。
desk-policy-without-role = 现在，没有{ $role }身份组的成员提交的申请需要管理员批准。
desk-policy-over-cost = 现在，预估费用超过{ $usd }的申请需要管理员批准。
desk-list-heading = **待处理的申请**
desk-list-line = { $rank }. **{ $prompt }** · 申请人：{ $member } · { $votes }票 · 约{ $usd } · { $when }{ $link }
card-title = 社区申请
card-waiting = 等待管理员处理
card-approved-by = 已由{ $moderator }批准
card-denied-by = 已被{ $moderator }拒绝：{ $reason }
card-estimated-cost = 预估费用
card-votes = 票数
card-status = 状态
card-note = 备注
card-footer = 申请编号：{ $request }
card-approve = 批准
card-deny = 拒绝
card-vote = 投票（{ $votes }）
deny-modal-title = 拒绝此申请
deny-modal-reason = 原因？（会告知申请人）

## Discord 中显示的命令（名称：小写、不含空格，最多32个字符；
## 描述最多100个字符）。同名选项在所有包含它的命令中共用一个名称。

name-add = 添加
name-block = 封禁
name-blocklist = 屏蔽词表
name-cancel = 取消
name-cfg_scale = cfg_scale
name-channel = 频道
name-edit = 编辑
name-gallery = 画廊
name-generate = 生成
name-hd = 高清
name-help = 帮助
name-history = 历史
name-hours = 小时数
name-image = 图片
name-job = 任务
name-limit = 限制项
name-limits = 限制
name-list = 列表
name-log-channel = 日志频道
name-markup = 标注
name-mask = 蒙版
name-mode = 模式
name-model = 模型
name-moderation = 审核
name-moderators = 管理员
name-n = 数量
name-negative_prompt = 反向提示词
name-note = 备注
name-page = 页码
name-pattern = 词条
name-policy = 审批规则
name-prompt = 提示词
name-public = 公开
name-quality = 质量
name-reason = 原因
name-reference = 参考图
name-name = 名称
name-text = 文字
name-scope = 范围
name-save = 保存
name-delete = 删除
name-regex = 正则
name-remove = 移除
name-request = 申请
name-requests = 社区申请
name-reset = 重置
name-role = 身份组
name-sampler = 采样器
name-seed = 种子
name-server = 服务器
name-set = 设置
name-settings = 偏好设置
name-show = 查看
name-size = 尺寸
name-sort = 排序
name-steps = 步数
name-style = 风格
name-styles = 多风格
name-describe = 描述
name-draft = 草稿
name-blend = 融合
name-image1 = 图片1
name-image2 = 图片2
name-image3 = 图片3
name-image4 = 图片4
name-image5 = 图片5
name-subject = 主体
name-suffix = 后缀
name-unblock = 解封
name-usage = 用量
name-usd = 美元
name-user = 成员
name-value = 值
name-variation = 变体

desc-generate = 将提示词变成图片
desc-generate-prompt = 描述你想要的图片
desc-generate-model = 由哪个模型绘制
desc-generate-size = 图片尺寸
desc-generate-quality = 质量档位（越高越贵）
desc-generate-style = 你保存的风格，或模型自带的风格（输入即可看到）
desc-generate-n = 图片数量
desc-generate-draft = 先生成低价草稿（模型的最低质量）；“优化”会以最高质量重新生成
desc-generate-reference = 要参照的人物、物品或产品图片（适用于支持参考图的模型）
desc-generate-seed = 种子，用于复现结果（Stable Diffusion）
desc-generate-steps = 采样步数（Stable Diffusion）
desc-generate-cfg_scale = 与提示词的贴合程度
desc-generate-sampler = 采样器（Stable Diffusion）
desc-generate-negative_prompt = 图片中不应出现的内容
desc-hd = 以模型的最高质量将提示词变成图片
desc-hd-prompt = 描述你想要的图片
desc-hd-model = 由哪个模型绘制
desc-hd-size = 图片尺寸
desc-variation = 基于你上传的图片生成新的变体
desc-variation-image = PNG、JPEG 或 WebP 图片
desc-variation-prompt = 要改变的内容（可选）
desc-variation-model = 由哪个模型生成变体
desc-variation-n = 图片数量
desc-cancel = 取消你最近一个正在等待或进行中的图片请求
desc-styles = 用最多4种风格并排呈现同一主体
desc-styles-subject = 要画的内容，例如：黄昏时的灯塔
desc-styles-styles = 最多4种风格，用英文逗号分隔（默认：写实摄影、油画、水彩、赛博朋克）
desc-styles-model = 由哪个模型绘制
desc-styles-size = 图片尺寸
desc-describe = 将图片变成可用的提示词
desc-describe-image = PNG、JPEG 或 WebP 图片
desc-describe-model = 由哪个模型解读
desc-blend = 将你上传的2到5张图片融合成一张
desc-blend-image1 = 第一张图片
desc-blend-image2 = 第二张图片
desc-blend-image3 = 第三张图片
desc-blend-image4 = 第四张图片
desc-blend-image5 = 第五张图片
desc-blend-prompt = 如何融合（可选）
desc-blend-model = 由哪个模型融合
desc-blend-n = 图片数量
desc-edit = 修改你上传的图片：整体修改，或只修改蒙版标出的区域
desc-edit-image = PNG、JPEG 或 WebP 图片
desc-edit-prompt = 要修改的内容
desc-edit-mask = 与原图尺寸相同：需要修改处为白色，保持不变处为黑色
desc-edit-markup = 直接画在图片副本上的修改说明（适用于支持标注的模型）
desc-edit-model = 由哪个模型编辑
desc-edit-n = 图片数量
desc-show = 重新发布你的某个结果及其按钮
desc-show-job = 结果下方的任务编号
desc-settings = 使用 /生成 时的默认设置（不填选项则显示当前设置）
desc-settings-model = 你的默认模型
desc-settings-size = 你的默认尺寸
desc-settings-quality = 你的默认质量
desc-settings-style = 你的默认风格
desc-settings-suffix = 附加在每条提示词末尾的文字（留空表示不附加）
desc-settings-public = 对所有人公开发布结果（true），或仅自己可见（false）
desc-settings-reset = 清除你的所有默认设置
desc-help = 提示词写法、所有命令、模型与价格，以及你的限制
desc-usage = 你今天的用量和剩余额度
desc-usage-server = 管理员：本服务器近30天每天的花费及请求者排行
desc-limits = 查看或修改 Easel 在本服务器的限制
desc-limits-show = 显示本服务器或某个成员的限制
desc-limits-show-user = 成员
desc-limits-set = 为本服务器、身份组档位或成员设置限制
desc-limits-set-limit = 要设置的限制
desc-limits-set-value = 一个数值，或填写 none 表示不限制
desc-limits-set-user = 成员
desc-limits-set-role = 身份组（一个限制档位）
desc-limits-reset = 将本服务器、身份组或成员恢复为默认设置
desc-limits-reset-user = 成员
desc-limits-reset-role = 身份组（一个限制档位）
desc-limits-block = 封禁成员，使其无法在此使用 Easel
desc-limits-block-user = 成员
desc-limits-block-hours = 封禁时长，最长一年（默认：直到解封）
desc-limits-block-reason = 原因，供管理员查看
desc-limits-unblock = 让被封禁的成员重新使用 Easel
desc-limits-unblock-user = 成员
desc-moderation = Easel 的审核工具
desc-moderation-log-channel = Easel 记录每个任务的频道
desc-moderation-log-channel-channel = 一个文字频道
desc-moderation-blocklist = 提示词中禁止出现的词语和模式
desc-moderation-blocklist-add = 拒绝包含此词语或模式的提示词
desc-moderation-blocklist-add-pattern = 词语、短语或正则表达式
desc-moderation-blocklist-add-regex = 将其视为正则表达式
desc-moderation-blocklist-remove = 不再拒绝此词语或模式
desc-moderation-blocklist-remove-pattern = 词语、短语或正则表达式
desc-moderation-blocklist-remove-regex = 将其视为正则表达式
desc-moderation-blocklist-list = 显示屏蔽词表
desc-moderation-history = 某个成员（或所有人）最近的任务及处理结果
desc-moderation-history-user = 成员
desc-moderation-history-page = 页码
desc-moderation-unblock = 解除成员的封禁或暂停
desc-moderation-unblock-user = 成员
desc-request = 向社区申请一张图片：管理员批准后由服务器付费
desc-request-prompt = 描述你想要的图片
desc-request-reference = 一张参考图片
desc-request-note = 给管理员的备注
desc-requests = 社区申请板
desc-requests-list = 待处理的申请
desc-requests-list-sort = 排序方式
desc-requests-channel = 发布申请卡片的频道（需“管理服务器”权限）
desc-requests-channel-channel = 申请频道
desc-requests-gallery = 发布已批准结果的频道（需“管理服务器”权限）
desc-requests-gallery-channel = 画廊频道
desc-requests-moderators = 可以批准和拒绝申请的身份组（需“管理服务器”权限）
desc-requests-moderators-role = 身份组
desc-requests-policy = 哪些申请需要先经审批（需“管理服务器”权限）
desc-requests-policy-mode = 谁需要审批
desc-requests-policy-role = 用于“没有指定身份组的成员”
desc-requests-policy-usd = 用于“费用超过指定金额的申请”：金额（美元）
desc-settings-language = Easel 回复你时使用的语言（默认：你的 Discord 语言）
desc-settings-draft = 除非另行指定，/生成 的图片都先以低价草稿生成
desc-hd-style = 你保存的风格，或模型自带的风格（输入即可看到）
desc-style = 你保存的风格：把名称选为风格时，其文字会加到提示词里
desc-style-save = 以一个名称保存文字
desc-style-save-name = 风格的名称
desc-style-save-text = 它加到提示词里的文字
desc-style-save-scope = 仅自己使用，或供服务器所有人使用（管理员）
desc-style-save-reference = 该风格所参照的图片（支持参考图的模型）
desc-style-list = 你的风格和服务器的风格
desc-style-delete = 删除一个风格
desc-style-delete-name = 风格的名称
desc-style-delete-scope = 仅自己使用，或供服务器所有人使用（管理员）
name-language = 语言

# 消息命令在消息的“应用”菜单中显示的名称（可以使用单词、大写字母和空格；最多
# 32 个字符）。
menu-edit-with-easel = 用 Easel 编辑
menu-vary-with-easel = 用 Easel 生成变体
menu-describe-with-easel = 用 Easel 描述

# 固定选项（模型名称、尺寸和质量保持原样）。
choice-mine = 我的
choice-server = 服务器
choice-most-votes = 票数最多
choice-oldest = 最早提交
choice-nobody-off = 无人（关闭）
choice-everyone = 所有人
choice-members-without-a-role = 没有指定身份组的成员
choice-requests-over-a-cost = 费用超过指定金额的申请
choice-my-discord-language = 我的 Discord 语言
