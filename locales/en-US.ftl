# Easel's words in English (en-US): the source every other language translates, and the fallback of
# any message a language lacks.
#
# Glossary (Easel's fixed terms; translations keep one word for each):
#   job: one image request Easel runs (it has a number, shown as "Job 123").
#   queue: the line of jobs waiting for a model.
#   budget: money a server, a member or the bot may spend on images.
#   limit: a rule a server sets (cooldown, images a day, budgets).
#   block: a moderator stops a member from using Easel; pause: Easel stops a member after repeated refusals.
#   blocklist: words and patterns a server refuses in prompts.
#   moderation log: the channel where Easel logs every job for moderators.
#   community request: a member asks the server to pay for an image; moderators approve or deny it.
#   gallery: the channel where approved community requests are posted.
#   Re-roll, Vary, HD, Edit, Delete: the buttons under a result.
#   prompt: the words describing the image; model: the image service that draws it.
#
# Variables in { $braces } are filled in by Easel; keep each one (a test checks). Discord markup
# (`code`, **bold**, -# small print) is kept as written. A line of a multi-line message may not
# start with [, * or . (Fluent's rules).

## Shared

job-footnote = -# Job { $job }
not-charged = You were not charged.
list-none = none
generic-failure = Something went wrong on my side. Please try again.
servers-only = Easel works in servers, where the server's limits and moderators apply. Please use it in a server channel.
not-enabled = Easel is not enabled in this server. Its owner chooses the servers it works in.
choose-subcommand = Please choose a subcommand.
unknown-subcommand = Unknown subcommand.
choose-channel = Please choose a channel.
choose-member-to-block = Please choose the member to block.
choose-member-to-unblock = Please choose the member to unblock.

## Why a job made no image

refusal-category-sexual = sexual content
refusal-category-self-harm = self-harm
refusal-category-violence = violence
refusal-category-hate = hate or harassment
refusal-category-illegal = illegal activity
refusal-category-real-people = real people or protected work
refusal-category-unnamed = the provider's safety rules

failure-queue-full-server = Easel is busy: this server's queue of image requests is full. Please try again in a few minutes; you were not charged.
failure-queue-full-bot = Easel is very busy right now: its queue of image requests is full. Please try again in a few minutes; you were not charged.
failure-restarting = Easel is restarting right now. Please ask again in a minute; you were not charged.
failure-blocked-until = You can't use Easel in this server right now. The block ends { $when }; a moderator can lift it sooner.
failure-blocked = You can't use Easel in this server until a moderator lifts your block.
failure-blocked-until-personal = You can't use Easel right now: you are blocked or paused in its home server. The block ends { $when }; its moderators can lift it sooner.
failure-blocked-personal = You can't use Easel until its home server's moderators lift your block.
failure-result-unusable = The image service sent back an image I couldn't read (damaged, incomplete or too large), so there is nothing to deliver. Please try again; you were not charged.
failure-provider-refused = The image provider refused this request under its content policy (reason: { $category }). Please rephrase your prompt; you were not charged.
failure-rules = This prompt breaks this server's rules for image requests, so it was not sent. Please rephrase it; you were not charged.
failure-rules-personal = This prompt breaks the rules for image requests Easel's owner set, so it was not sent. Please rephrase it; you were not charged.
failure-rules-flagged = This prompt was flagged by the moderation check ({ $categories }), so it was not sent. Please rephrase it; you were not charged.
failure-upload-flagged = The image you uploaded was flagged by the moderation check ({ $categories }), so it was not sent. Please choose another picture; you were not charged.
failure-unavailable = The image service isn't answering right now (it may be down or restarting). Please try again later; you were not charged.
failure-busy = The image service is busy right now. Please try again in a minute; you were not charged.
failure-timed-out = The image service took too long to answer. Please try again; you were not charged.
failure-stopped-on-server = The image server's operator stopped this run, so there is no image. You can ask again; you were not charged.
failure-model-retired-replaced = The model `{ $model }` has been retired by its provider. Please choose `{ $replacement }` instead.
failure-model-retired = The model `{ $model }` has been retired by its provider. Please choose another model.
failure-misconfigured = Easel is not set up correctly for this model, so I can't make images right now. The bot's owner has been told in its log; you were not charged.
failure-result-lost = The image was made but its link expired before I could save it. Please try again; you were not charged.
failure-delivery = Your image was made but Discord would not accept the upload. Please try again; you were not charged.
failure-translation = I couldn't translate your prompt into English for this model just now. Please try again, or write it in English; you were not charged.
failure-unexpected = Something went wrong on my side. Please try again; you were not charged.
failure-pause = Because of repeated refusals you are paused from Easel in this server; the pause ends { $when }.
failure-pause-personal = Because of repeated refusals you are paused from Easel; the pause ends { $when }.

source-untrusted-host = I only download pictures from Discord itself, and this one came from elsewhere. Please attach the image to the command.
source-too-large = Your image is larger than { $megabytes } MB, the most I download. Please attach a smaller picture.
source-longer-than-declared = The file I was served is larger than the upload Discord announced, so I stopped downloading it. Please attach the image again.
source-gone = The link to your image expired before I could download it. Please attach it again.
source-kept-gone = The picture kept with that saved style is gone. Save the style again with its picture.
source-cut-short = The download of your image from Discord was cut short. Please try again.
source-failed = I couldn't download your image from Discord. Please try again in a moment.
source-not-an-image = That file isn't a PNG, JPEG or WebP picture. Please attach one of those.
source-too-many-pixels = Your image is { $width }×{ $height } pixels; I work with images of up to { $side } pixels a side and { $megapixels } megapixels in all. Please attach a smaller picture.
source-damaged = Your file starts like a picture but is damaged or incomplete, so I couldn't read it. Please attach it again.
source-cannot-fit = I couldn't make your image small enough for this model. Please attach a smaller picture.
source-encode = Something went wrong preparing your image for the model. Please try again.
source-mask-mismatch = Your mask is { $mask } pixels but your image is { $image }. Please draw it on a copy of the image at the same size (white where it should change, black where it should stay).
source-markup-mismatch = Your markup is { $mask } pixels but your image is { $image }. Please draw it on a copy of the image at the same size.

## A request the catalogue does not allow

invalid-unknown-model = `{ $model }` is not a model this bot offers. Choose one of: { $offered }.
invalid-empty-prompt = Please give a prompt describing the image you want.
invalid-prompt-too-long = Your prompt is { $length } characters long; `{ $model }` accepts at most { $max }.
invalid-not-allowed = `{ $model }` does not offer { $option } `{ $value }`. It allows: { $allowed }.
invalid-no-styles = `{ $model }` takes no style; leave the style option out.
invalid-count = `{ $model }` makes { $min } to { $max } images a request; you asked for { $count }.
invalid-variation-unsupported = `{ $model }` cannot make variations. Models that can: { $capable }.
invalid-missing-image = Please attach the image to make a variation of.
invalid-blend-unsupported = `{ $model }` cannot blend pictures or keep to a reference. Models that can: { $capable }.
invalid-blend-count = { $max ->
    [2] Please give exactly 2 pictures to blend (you gave { $given }).
   *[other] Please give 2 to { $max } pictures to blend (you gave { $given }).
}
invalid-edit-unsupported = `{ $model }` cannot edit images. Models that can: { $capable }.
invalid-option-unsupported = `{ $model }` takes no { $option }; leave it out or pick a model that does: { $capable }.
invalid-style-picture-unsupported = That saved style keeps a reference picture, which `{ $model }` cannot use. Pick a model that can: { $capable }.
invalid-tuning-range = { $option } must be within { $min } to { $max }; please pick another value.
invalid-seed = A seed must be a whole number from -1 to 4294967295; you gave { $seed }.
invalid-styles = Please name 1 to { $max } styles, separated by commas.
invalid-styles-unsupported = `{ $model }` makes one image per style; pick another model for `/styles`.
invalid-not-an-image = `{ $file }` is not an image. Please attach a PNG, JPEG or WebP picture.
invalid-image-too-large = `{ $file }` is { $size } MB; the largest image I accept is { $max } MB.

# What a request's options are called in these sentences.
option-word-size = size
option-word-quality = quality
option-word-style = style
option-word-steps = steps
option-word-cfg_scale = cfg_scale
option-word-sampler = sampler
option-word-markup = markup
option-word-mask = mask
option-word-reference = reference
option-word-tuning = steps, cfg_scale or sampler

## Limits

limit-cooldown = Please wait a little between requests: you can ask again { $when }.
limit-when-one-finishes = as soon as one of them finishes
limit-in-flight = You already have { $limit } image request(s) in progress, the most allowed at once. Please wait until one finishes.
limit-images-per-day = Daily image limit reached: { $left } left of { $limit } per 24 hours, and this request needs { $needed }. More frees up { $when }.
limit-user-usd = Your daily budget is nearly spent: { $left } left of { $limit } per 24 hours, and this request costs about { $needed }. More frees up { $when }.
limit-guild-usd = This server's daily image budget is nearly spent: { $left } left of { $limit }, and this request costs about { $needed }. More frees up { $when }.
limit-personal-usd = Your personal daily budget (for using Easel outside servers that installed it) is nearly spent: { $left } left of { $limit } per 24 hours, and this request costs about { $needed }. More frees up { $when }.
limit-global-usd = The bot's monthly budget is nearly spent: { $left } left, and this request costs about { $needed }. It resets { $when }.
limit-bad-value-whole = `{ $value }` is not a value `{ $limit }` can take: give a whole number from { $min } to { $max } ({ $unit }), or `none` for no limit.
limit-bad-value = `{ $value }` is not a value `{ $limit }` can take: give a number from { $min } to { $max } ({ $unit }), or `none` for no limit.
limit-unit-seconds = seconds
limit-unit-jobs = jobs at once
limit-unit-images = images
limit-unit-usd = US dollars
limit-none = no limit
limit-seconds = { $seconds } s

## /usage

usage-heading = **Your Easel usage**
usage-label-cooldown = Cooldown
usage-label-in-flight = Images in progress
usage-label-images = Images (24 h)
usage-label-user-usd = Your budget (24 h)
usage-label-guild-usd = Server budget (24 h)
usage-label-global-usd = Bot budget (this month)
usage-exempt = **{ $label }**: exempt (Manage Server)
usage-cooldown-waiting = **{ $label }**: { $limit }, next request { $when }
usage-cooldown-ready = **{ $label }**: { $limit }, ready now
usage-unlimited = **{ $label }**: { $used } used, no limit
usage-used = **{ $label }**: { $used } used, { $left } left of { $limit }
usage-cancelled = -# Includes { $count } image(s) you cancelled after the model had started, counted at their estimate ({ $usd }): the provider bills a call once it starts.
usage-latest-failure = Your latest private request that made no image ({ $when }, job { $job }): { $reason }

## A job's message while it waits or runs; cancelling

progress-next = Next in the queue for `{ $model }`.
progress-place = { ORDINAL($place) ->
    [one] { $place }st
    [two] { $place }nd
    [few] { $place }rd
   *[other] { $place }th
    } in the queue for `{ $model }`.
progress-step = Generating your image with `{ $model }`: step { $step } of { $steps }…
progress-running = Generating your image with `{ $model }`…
progress-cancelled-by = Cancelled by { $member }.
progress-backend-down = The image service for this model is not answering right now. Your request keeps its place and runs when it is back; you may cancel it meanwhile.
button-cancel = Cancel
cancel-nothing-charged = Nothing was charged.
cancel-charged-estimate = The model had already started, so it counts towards the limits at its estimate ({ $estimate }).
cancel-done = Cancelled.
cancel-not-found = I can't find that request.
cancel-not-yours = Only the member who asked for this image, or a moderator, can cancel it.
cancel-already-finished = That request has already finished, so there is nothing to cancel.
cancel-failed = Something went wrong cancelling that request. Please try again.
cancel-nothing-active = You have no image request waiting or in progress.
cancel-lookup-failed = Something went wrong looking up your requests. Please try again.

## A result

result-title-generate = Your image
result-title-hd = Your HD image
result-title-variation = Your variation
result-title-edit = Your edit
result-title-styles = Your style comparison
result-title-extend = Your extended image
result-title-blend = Your blend
result-title-describe = Prompts for your picture
result-describe-intro = Use one as it is or change it first: each button opens /generate with that prompt.
result-variation-description = A variation of your image
result-footer = Job { $job } · /show { $job }
result-cost-usage = { $cost } (from token usage)
result-cost-catalogue = { $cost } (catalogue price)
result-ai-generated = Marked in each file's metadata
result-ready = { $member }, your image is ready.
result-fetched-again = Fetched again from its message on Discord.
result-gallery-credit = Requested by { $requester } · approved by { $moderator }
field-revised-prompt = Revised prompt
field-model = Model
field-size = Size
field-quality = Quality
field-cost = Cost
field-ai-generated = AI-generated
field-requested-by = Requested by
field-from = From
result-from = Job { $job }
field-draft = Draft
result-draft = Made at `{ $quality }`, the cheapest quality. Enhance redoes it at `{ $top }` for about { $estimate }.
field-seeds = { $count ->
    [one] Seed
   *[other] Seeds
    }
field-parameters = Parameters
field-negative-prompt = Negative prompt
field-styles = Styles
field-prompt-sent = Prompt sent to the model (in English)
button-reroll = Re-roll
button-enhance = Enhance
button-pan-left = ⬅️ Pan
button-pan-right = ➡️ Pan
button-pan-up = ⬆️ Pan
button-pan-down = ⬇️ Pan
button-zoom-out = Zoom Out { $factor }×
button-edit = Edit
button-delete = Delete
button-vary = Vary
button-vary-numbered = Vary { $number }
button-hd = HD
button-hd-numbered = HD { $number }
button-upscale-creative = Upscale (Creative)
button-use-numbered = Use { $number }
delete-not-yours = Only the member who asked for this image, or a moderator, can delete it.
delete-done = Deleted.
delete-failed = I couldn't delete that message. Please try again in a moment.
click-other-server = That result belongs to another server, so its buttons work only there.
click-private = That result is private to the member who asked for it.
click-not-on-record = I no longer have that result on record, so its buttons cannot work. Please ask again with `/generate`.
edit-modal-title = Edit this image
edit-modal-instruction = What should change?
edit-modal-placeholder = e.g. give the fox a red scarf
edit-modal-which = Which image (1 to { $count })?
generate-modal-title = Generate
generate-modal-prompt = Prompt
menu-no-image = This message has no picture Easel can use. Pick a message with a PNG, JPEG or WebP image.
menu-which-image = Which image? Pick one:
menu-image-numbered = Image { $number }
menu-expired = This choice has expired. Please use the message's Apps menu again.
edit-which-number = Please give the image's number, such as 1 or 2.
edit-no-such-image = I can't find image { $number } on that message.

## /show

show-unknown = I have no image job `{ $job }` on record.
show-not-yours = Only the member who asked for this image, or a moderator, can show it again.
show-not-delivered = That job was not delivered (it is { $state }), so there is nothing to show.
show-gone = That job's images are no longer kept, and I don't know where they were posted.
show-private = That result is private.
show-deleted = That result was deleted from Discord, and its images are no longer kept, so I can't show it.
show-unreachable = I couldn't reach that result's message on Discord just now. Please try again.
show-download-failed = I couldn't download that result's images from Discord just now. Please try again.
show-unreadable = That result's images can no longer be read.
show-emptied = That result's message no longer holds its images, so I can't show it.
job-state-queued = queued
job-state-running = running
job-state-delivered = delivered
job-state-failed = failed
job-state-cancelled = cancelled

## /settings

settings-heading = **Your defaults**
settings-saved = Saved. Your defaults are now:
settings-cleared = Your defaults are cleared.
settings-read-failed = I couldn't read your settings just now. Please try again.
settings-save-failed = I couldn't save your settings just now. Please try again.
settings-model = Model: { $value }
settings-size = Size: { $value }
settings-quality = Quality: { $value }
settings-style = Style: { $value }
settings-suffix = Prompt suffix: { $value }
settings-language = Language: { $value }
settings-drafts-on = Drafts: on (/generate makes cheap drafts with an Enhance button)
settings-drafts-off = Drafts: off
style-saved = Saved style `{ $name }`. Pick it as /generate's style to add its words to a prompt.
style-saved-with-picture = Saved style `{ $name }` with its reference picture. Pick it as /generate's style to add its words and picture to a prompt (on models that take a reference).
style-deleted = Deleted style `{ $name }`.
style-not-found = There is no style `{ $name }`.
style-bad-name = A style's name must be 1 to { $max } letters, digits, spaces, - or _.
style-bad-text = A style's words must be 1 to { $max } characters.
style-too-many = You can keep at most { $max } styles; delete one first.
style-moderators-only = Only the server's moderators can save or delete its styles.
style-refused = These words break this server's rules for image requests, so the style was not saved. Please rephrase them.
style-refused-personal = These words break the rules for image requests Easel's owner set, so the style was not saved. Please rephrase them.
style-list-mine = **Your styles**
style-list-server = **This server's styles**
style-list-picture = with a reference picture
settings-results-private = Results: shown to you alone
settings-results-public = Results: posted for everyone
settings-server-default = the server's default (`{ $model }`)
settings-model-default = the model's default
settings-discord-language = your Discord language ({ $language })
settings-unknown-model = `{ $model }` is not a model this bot offers; see `/help` for the list.
settings-not-offered = `{ $model }` does not offer { $option } `{ $value }`.
settings-suffix-too-long = Your prompt suffix is { $length } characters; the most is { $max }.
settings-retired-default = Your saved default model `{ $old }` has been retired, so `{ $replacement }` takes its place (now saved as your default; change it with `/settings`).

## /help

help-title = Easel: making images together
help-formula-rule = **Subject + action or state + style + environment + details + quality words.**
help-formula-explain = Say what is in the picture, what it is doing, how it is drawn, where it is, the details that matter, and how finished it should look.
help-example-one = **Example 1**: a red fox · curled up asleep · watercolor · in a snowy birch forest · soft morning light · highly detailed
help-example-one-command = `/generate prompt: A red fox curled up asleep, watercolor, in a snowy birch forest, soft morning light, highly detailed`
help-example-two = **Example 2**: a lighthouse keeper · reading by lamplight · oil painting · inside a stone tower during a storm · rain on the window, warm glow · masterpiece, sharp focus
help-example-two-command = `/generate prompt: A lighthouse keeper reading by lamplight, oil painting, inside a stone tower during a storm, rain on the window, warm glow, masterpiece, sharp focus`
help-styles-tip = Not sure of the style? `/styles subject: a lighthouse at dusk` shows one subject in four styles side by side.
help-commands =
    `/generate` a prompt into images · `/hd` the same at the model's top quality
    `/variation` a new take on an image you upload · `/edit` change an upload (a mask limits where)
    `/styles` one subject in up to 4 styles · `/show` post a result again with its buttons
    `/settings` your defaults · `/usage` what you have used · `/cancel` your waiting request
    Buttons under a result: Re-roll, Vary, HD, Edit, Delete.
    Moderators: `/moderation` · Server managers: `/limits`
help-describe = `/describe` a picture into prompts you can use (or, on a message: Apps → Describe with Easel)
help-blend = `/blend` 2 to 5 pictures into one
help-reference = `/generate reference:` a picture to keep to
help-menus = On a message with a picture, its Apps menu: Edit with Easel, Vary with Easel
help-studio = `/style save` words (and a picture) under a name to pick as `style` · `draft:true` a cheap first try, then Enhance · Under a single image: ⬅️➡️⬆️⬇️ Pan, Zoom Out 1.5× or 2×, Upscale (Creative)
help-section-commands = Commands
help-section-studio = Studio
help-section-models = Models here (price of one image at the default size and quality)
help-section-limits = Your limits
help-limits-none = None set.
help-model = `{ $model }`: { $price }
help-model-default = `{ $model }` (default): { $price }
help-model-free = self-hosted, no charge
help-model-translates = prompts in any language are translated into English for it
help-model-english-only = understands prompts in English only

## Moderators and server managers: /limits, /moderation

admin-log-channel = Easel's moderation log now goes to { $channel }.
admin-rule-added = Added { $kind } `{ $pattern }` to the blocklist. Prompts that match are refused before any model call.
admin-rule-exists = { $kind } `{ $pattern }` was already on the blocklist.
admin-rule-removed = Removed { $kind } `{ $pattern }` from the blocklist.
admin-rule-missing = { $kind } `{ $pattern }` was not on the blocklist.
admin-limit-set = `{ $limit }` for { $whom } is now { $value }.
admin-reset-server = Reset { $count } setting(s) for this server (every setting); the defaults apply again.
admin-reset = Reset { $count } setting(s) for { $whom }; the defaults apply again.
admin-blocked-until = { $member } is blocked from Easel here; the block ends { $when }.
admin-blocked = { $member } is blocked from Easel here until unblocked.
admin-unblocked = { $member } may use Easel here again.
admin-not-blocked = { $member } was not blocked.
admin-not-manager = Only members with the Manage Server permission may { $action }.
admin-not-moderator = Only this server's moderators (Manage Messages, Moderate Members or Manage Server permission) may { $action }.
admin-pattern-length = A blocklist entry must be 1 to 200 characters.
admin-pattern-no-letter = A blocked word needs at least one letter or digit.
admin-pattern-regex = That regular expression does not compile: { $why }
admin-not-in-server = Limits belong to a server: use this command in one.
admin-unknown-limit = `{ $limit }` is not a limit a server can set.
admin-server-only = `{ $limit }` is the server's own budget: set it without a user or role.
admin-above-owner-cap = The bot's owner caps a server's daily budget at { $max }: choose a value from 0 to that.
admin-bad-hours = A block lasts more than 0 and at most { $max } hours (a year); leave `hours` out to block until unblocked.
admin-no-reason = no reason given
admin-block-reason = { $reason } (by { $moderator })
admin-store-failed = Something went wrong saving that; nothing was changed.
action-choose-log-channel = choose Easel's log channel
action-change-blocklist = change the blocklist
action-read-blocklist = read the blocklist
action-read-history = read Easel's job history
action-see-limits = see Easel's limits
action-change-limits = change Easel's limits
action-block-members = block members from Easel
action-lift-block = lift a block
rule-kind-word = word
rule-kind-regex = regex
whom-server = this server
whom-role = members with { $role }
blocklist-empty = The blocklist is empty.
blocklist-heading = **Blocklist** ({ $count } rules)
limits-heading-server = **Limits for this server**
limits-heading-member = **Limits for { $member }**
limits-role-tiers = Role tiers: { $tiers }
limits-blocked-until = Blocked (ends { $when }): { $reason }
limits-blocked = Blocked (until unblocked): { $reason }
limits-managers-exempt = Members with Manage Server are exempt from per-member limits.
limits-managers-held = Members with Manage Server are held to per-member limits.
history-empty-server = No jobs on page { $page } of { $pages } for this server.
history-empty-member = No jobs on page { $page } of { $pages } for { $member }.
history-heading-server = **Easel jobs of this server**: page { $page } of { $pages } ({ $total } in all)
history-heading-member = **Easel jobs of { $member }**: page { $page } of { $pages } ({ $total } in all)
history-line = { $time } { $member } /{ $command } { $model } · **{ $outcome }**{ $reason } · { $cost } · "{ $prompt }"{ $link } · job { $job }{ $from }
history-result = result
history-newer = ◀ Newer
history-older = Older ▶
report-moderators-only = Only moderators can see the server's spend.
report-read-failed = I couldn't read the server's spend just now. Please try again.
report-heading = **This server's image spend, last { $days } days**: { $usd } for { $images } image(s).
report-failed = Spent on failed jobs (the model had answered, then nothing could be delivered; no member was charged): { $usd }.
report-top = **Top requesters**
report-community = community requests
report-line = { $rank }. { $who }: { $usd }, { $images } image(s)

## The moderation log

outcome-delivered = delivered
outcome-refused-by-provider = refused by provider
outcome-refused-by-rules = refused by server rules
outcome-failed = failed
log-title = /{ $command }: { $outcome }
log-jump = Jump to the image
log-footer = Job { $job }
log-cancelled-by = Cancelled by { $member }
field-requester = Requester
field-channel = Channel
field-result = Result
field-command = Command
field-outcome = Outcome
field-reason = Reason
notice-model-retired = **Model retired**: `{ $model }` is no longer served, so it is no longer offered. Requests for it use `{ $replacement }` instead.
notice-model-retiring-tomorrow = **Model retiring**: `{ $model }` shuts down on { $date } (tomorrow).
notice-model-retiring = **Model retiring**: `{ $model }` shuts down on { $date } (in { $days } days).
notice-move-to = Move to `{ $replacement }` (members can pick it now).
spend-server-used-up = **Spend alert**: This server's daily image budget is used up: { $spent } of { $budget } spent in the last 24 hours ({ $percent }%). New requests are refused until it frees up.
spend-server-passed = **Spend alert**: This server's daily image budget has passed: { $spent } of { $budget } spent in the last 24 hours ({ $percent }%).
spend-bot-used-up = **Spend alert**: The bot's monthly image budget is used up: { $spent } of { $budget } spent this month ({ $percent }%). New requests are refused until it frees up.
spend-bot-passed = **Spend alert**: The bot's monthly image budget has passed: { $spent } of { $budget } spent this month ({ $percent }%).

## Community requests

desk-posted = Your request is posted in { $channel } for the moderators to approve; you'll hear back by direct message. Members can vote for it there.
desk-approved = Approved. It is being made on the server's budget and will be posted.
desk-approved-in = Approved. It is being made on the server's budget and will be posted in { $gallery }.
desk-denied = Denied; the requester has been told why.
desk-denied-to-requester = Your request “{ $prompt }” was not approved by the moderators. Their reason: { $reason }
desk-delivered-to-requester = Your request “{ $prompt }” was approved by { $moderator }, and the image is in the gallery: { $link }
desk-outside-servers = Requests work in servers.
desk-no-channel = This server has no requests channel yet: a moderator can choose one with `/requests channel`.
desk-too-many-open = You already have { $count } open request(s) here, the most allowed at once. Please wait until the moderators decide on one.
desk-starting = Easel is still starting. Please try again in a moment.
desk-cannot-post = I couldn't post in { $channel }: please ask a moderator to let me send messages there.
desk-no-such-request = I have no such request on record.
desk-own-request = You can't vote for your own request.
desk-voter-blocked = You can't vote while you are blocked from Easel here.
desk-already-voted = You have already voted for this request.
desk-decided = This request has already been decided.
desk-not-started = I couldn't start it, so the request stays open: { $why }
desk-not-decider = Only moderators (Manage Messages, or the server's request moderator role) can approve or deny requests.
desk-not-saved = I couldn't save that just now. Please try again.
desk-no-open = There are no open requests.
desk-managers-only = Only members who can manage the server can change the request board.
desk-channel-set = Request cards will be posted in { $channel }.
desk-gallery-set = Approved results will be posted in { $channel }.
desk-moderators-set = Members with { $role } may approve and deny requests.
desk-need-role = Please give the `role` whose members skip approval.
desk-need-cost = Please give the cost (`usd`, 0 to 1000) above which requests need approval.
desk-need-channel = Please choose a requests channel first, with `/requests channel`.
desk-policy-off = Requests no longer need approval: members' images run on their own budgets.
desk-policy-everyone = Every member's request now needs a moderator's approval.
desk-policy-without-role = Requests of members without { $role } now need a moderator's approval.
desk-policy-over-cost = Requests estimated above { $usd } now need a moderator's approval.
desk-list-heading = **Open requests**
desk-list-line = { $rank }. **{ $prompt }** by { $member } · { $votes } vote(s) · ~{ $usd } · { $when }{ $link }
card-title = Community request
card-waiting = Waiting for a moderator
card-approved-by = Approved by { $moderator }
card-denied-by = Denied by { $moderator }: { $reason }
card-estimated-cost = Estimated cost
card-votes = Votes
card-status = Status
card-note = Note
card-footer = Request { $request }
card-approve = Approve
card-deny = Deny
card-vote = Vote ({ $votes })
deny-modal-title = Deny this request
deny-modal-reason = Why? (the requester is told)

## Commands as Discord lists them (names: lowercase, no spaces, at most 32 characters;
## descriptions at most 100 characters). Option names are shared by every command that has them.

name-add = add
name-block = block
name-blocklist = blocklist
name-cancel = cancel
name-cfg_scale = cfg_scale
name-channel = channel
name-edit = edit
name-gallery = gallery
name-generate = generate
name-hd = hd
name-help = help
name-history = history
name-hours = hours
name-image = image
name-job = job
name-limit = limit
name-limits = limits
name-list = list
name-log-channel = log-channel
name-markup = markup
name-mask = mask
name-mode = mode
name-model = model
name-moderation = moderation
name-moderators = moderators
name-n = n
name-negative_prompt = negative_prompt
name-note = note
name-page = page
name-pattern = pattern
name-policy = policy
name-prompt = prompt
name-public = public
name-quality = quality
name-reason = reason
name-reference = reference
name-name = name
name-text = text
name-scope = scope
name-save = save
name-delete = delete
name-regex = regex
name-remove = remove
name-request = request
name-requests = requests
name-reset = reset
name-role = role
name-sampler = sampler
name-seed = seed
name-server = server
name-set = set
name-settings = settings
name-show = show
name-size = size
name-sort = sort
name-steps = steps
name-style = style
name-styles = styles
name-describe = describe
name-draft = draft
name-blend = blend
name-image1 = image1
name-image2 = image2
name-image3 = image3
name-image4 = image4
name-image5 = image5
name-subject = subject
name-suffix = suffix
name-unblock = unblock
name-usage = usage
name-usd = usd
name-user = user
name-value = value
name-variation = variation

desc-generate = Turn a prompt into an image
desc-generate-prompt = Describe the image you want
desc-generate-model = Which model draws it
desc-generate-size = Image size
desc-generate-quality = Quality tier (higher costs more)
desc-generate-style = A style you saved, or the model's own (type to see them)
desc-generate-n = How many images
desc-generate-draft = A cheap draft first (the model's lowest quality); Enhance redoes it at the top quality
desc-generate-reference = A picture of a person, object or product to keep to (models that take one)
desc-generate-seed = Seed, to reproduce a result (Stable Diffusion)
desc-generate-steps = Sampling steps (Stable Diffusion)
desc-generate-cfg_scale = How closely to follow the prompt
desc-generate-sampler = Sampler (Stable Diffusion)
desc-generate-negative_prompt = What the image should not show
desc-hd = Turn a prompt into an image at the model's top quality
desc-hd-prompt = Describe the image you want
desc-hd-model = Which model draws it
desc-hd-size = Image size
desc-variation = Make a new take on an image you upload
desc-variation-image = A PNG, JPEG or WebP picture
desc-variation-prompt = What to change (optional)
desc-variation-model = Which model varies it
desc-variation-n = How many images
desc-cancel = Cancel your latest image request that is waiting or in progress
desc-styles = See one subject in up to 4 styles, side by side
desc-styles-subject = What to draw, e.g. a lighthouse at dusk
desc-styles-styles = Up to 4 styles, separated by commas (default: photorealistic, oil painting, watercolor, cyberpunk)
desc-styles-model = Which model draws them
desc-styles-size = Image size
desc-describe = Turn a picture into prompts you can use
desc-describe-image = A PNG, JPEG or WebP picture
desc-describe-model = Which describer reads it
desc-blend = Fuse 2 to 5 pictures you upload into one
desc-blend-image1 = The first picture
desc-blend-image2 = The second picture
desc-blend-image3 = A third picture
desc-blend-image4 = A fourth picture
desc-blend-image5 = A fifth picture
desc-blend-prompt = How to blend them (optional)
desc-blend-model = Which model blends them
desc-blend-n = How many images
desc-edit = Change an image you upload, everywhere or only where a mask marks
desc-edit-image = A PNG, JPEG or WebP picture
desc-edit-prompt = What to change
desc-edit-mask = Same size as the image: white where it should change, black where it should stay
desc-edit-markup = Your instruction drawn over a copy of the image (models that take markup)
desc-edit-model = Which model edits it
desc-edit-n = How many images
desc-show = Post one of your results again, with its buttons
desc-show-job = The job number under the result
desc-settings = Your defaults for /generate (no options: show them)
desc-settings-model = Your default model
desc-settings-size = Your default size
desc-settings-quality = Your default quality
desc-settings-style = Your default style
desc-settings-suffix = Words added after every prompt (empty: none)
desc-settings-public = Post results for everyone (true) or show them to you alone (false)
desc-settings-reset = Clear all your defaults
desc-help = How to write prompts, every command, models and prices, your limits
desc-usage = What you have used today and what is left
desc-usage-server = Moderators: the server's spend by day for 30 days, and its top requesters
desc-limits = See or change Easel's limits in this server
desc-limits-show = Show the limits of the server or a member
desc-limits-show-user = A member
desc-limits-set = Set a limit for the server, a role tier or a member
desc-limits-set-limit = Which limit
desc-limits-set-value = A number, or `none` for no limit
desc-limits-set-user = A member
desc-limits-set-role = A role (a limit tier)
desc-limits-reset = Back to the defaults for the server, a role or a member
desc-limits-reset-user = A member
desc-limits-reset-role = A role (a limit tier)
desc-limits-block = Stop a member from using Easel here
desc-limits-block-user = A member
desc-limits-block-hours = For how long, up to a year (default: until unblocked)
desc-limits-block-reason = Why, for moderators
desc-limits-unblock = Let a blocked member use Easel again
desc-limits-unblock-user = A member
desc-moderation = Easel's moderation tools
desc-moderation-log-channel = Where Easel logs every job
desc-moderation-log-channel-channel = A text channel
desc-moderation-blocklist = Words and patterns refused
desc-moderation-blocklist-add = Refuse prompts with this word or pattern
desc-moderation-blocklist-add-pattern = A word, phrase or regex
desc-moderation-blocklist-add-regex = Treat the pattern as a regular expression
desc-moderation-blocklist-remove = Stop refusing this word or pattern
desc-moderation-blocklist-remove-pattern = A word, phrase or regex
desc-moderation-blocklist-remove-regex = Treat the pattern as a regular expression
desc-moderation-blocklist-list = Show the blocklist
desc-moderation-history = A member's (or everyone's) last jobs, with outcomes
desc-moderation-history-user = A member
desc-moderation-history-page = Page number
desc-moderation-unblock = Lift a member's block or pause
desc-moderation-unblock-user = A member
desc-request = Ask the community for an image: moderators approve, the server pays
desc-request-prompt = Describe the image you want
desc-request-reference = A picture for reference
desc-request-note = A note for the moderators
desc-requests = The community request board
desc-requests-list = The open requests
desc-requests-list-sort = Order
desc-requests-channel = Where request cards are posted (Manage Server)
desc-requests-channel-channel = The requests channel
desc-requests-gallery = Where approved results are posted (Manage Server)
desc-requests-gallery-channel = The gallery channel
desc-requests-moderators = A role that may approve and deny requests (Manage Server)
desc-requests-moderators-role = The role
desc-requests-policy = Which requests need approval first (Manage Server)
desc-requests-policy-mode = Who needs approval
desc-requests-policy-role = For `members without a role`
desc-requests-policy-usd = For `requests over a cost`: USD
desc-settings-language = The language Easel answers you in (default: your Discord language)
desc-settings-draft = Make /generate's images as cheap drafts unless you say otherwise
desc-hd-style = A style you saved, or the model's own (type to see them)
desc-style = Your saved styles: words added to a prompt by picking their name as style
desc-style-save = Save words under a name
desc-style-save-name = The style's name
desc-style-save-text = The words it adds to a prompt
desc-style-save-scope = Yours alone, or the server's for everyone (moderators)
desc-style-save-reference = A picture the style keeps to (models that take a reference)
desc-style-list = Your styles and the server's
desc-style-delete = Delete a style
desc-style-delete-name = The style's name
desc-style-delete-scope = Yours alone, or the server's for everyone (moderators)
name-language = language

# Message commands, as a message's Apps menu names them (words, capitals and spaces allowed; at most
# 32 characters).
menu-edit-with-easel = Edit with Easel
menu-vary-with-easel = Vary with Easel
menu-describe-with-easel = Describe with Easel

# Fixed choices (model names, sizes and qualities stay as they are).
choice-mine = mine
choice-server = server
choice-most-votes = most votes
choice-oldest = oldest
choice-nobody-off = nobody (off)
choice-everyone = everyone
choice-members-without-a-role = members without a role
choice-requests-over-a-cost = requests over a cost
choice-my-discord-language = my Discord language
