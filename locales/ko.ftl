# Easel의 한국어(ko) 메시지 카탈로그예요. 영어 원문(en-US.ftl)을 옮긴 파일이며, 여기에 없는 메시지는
# 영어로 표시돼요.
#
# 용어집 (Easel의 고정 용어는 어디서나 한 단어로 옮겨요):
#   job: 작업 ("작업 123"처럼 번호가 붙어요)
#   queue: 대기열
#   budget: 예산
#   limit: 제한
#   block: 차단 (관리자가 멤버의 Easel 사용을 막는 것)
#   pause: 일시 정지 (거부가 반복되어 Easel이 멤버를 잠시 멈추는 것)
#   blocklist: 금지어 목록
#   moderation log: 관리 로그
#   community request: 커뮤니티 요청
#   gallery: 갤러리
#   Re-roll: 다시 생성
#   Vary: 변형
#   HD: 고화질
#   Edit: 편집
#   Delete: 삭제
#   prompt: 프롬프트
#   model: 모델
#   server: 서버
#   moderator: 관리자
#
# 문체: 정중한 해요체. { $변수 }는 Easel이 채워 넣으니 이름을 바꾸지 마세요. Discord 마크업
# (`코드`, **굵게**, -# 작은 글씨)은 그대로 둬요. 여러 줄 메시지의 줄은 [, *, . 로 시작할 수 없어요.
# 한국어에는 복수형이 없어서(CLDR: other만 있음) 개수에 따른 선택식을 쓰지 않아요.

## 공통

job-footnote = -# 작업 { $job }
not-charged = 비용은 청구되지 않았어요.
list-none = 없음
generic-failure = 처리 중에 문제가 생겼어요. 다시 시도해 주세요.
servers-only = Easel은 서버의 제한과 관리자 규칙이 적용되는 서버 안에서만 작동해요. 서버 채널에서 사용해 주세요.
not-enabled = 이 서버에서는 Easel이 활성화되어 있지 않아요. Easel을 사용할 서버는 봇 소유자가 정해요.
choose-subcommand = 하위 명령어를 선택해 주세요.
unknown-subcommand = 알 수 없는 하위 명령어예요.
choose-channel = 채널을 선택해 주세요.
choose-member-to-block = 차단할 멤버를 선택해 주세요.
choose-member-to-unblock = 차단을 해제할 멤버를 선택해 주세요.

## 작업에서 이미지가 나오지 않은 이유

refusal-category-sexual = 성적인 콘텐츠
refusal-category-self-harm = 자해
refusal-category-violence = 폭력
refusal-category-hate = 혐오 또는 괴롭힘
refusal-category-illegal = 불법 행위
refusal-category-real-people = 실존 인물 또는 보호되는 저작물
refusal-category-unnamed = 제공업체의 안전 규칙

failure-queue-full-server = Easel이 바빠요. 이 서버의 이미지 요청 대기열이 가득 찼어요. 몇 분 후에 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-queue-full-bot = 지금 Easel이 매우 바빠요. 이미지 요청 대기열이 가득 찼어요. 몇 분 후에 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-restarting = Easel이 지금 다시 시작하는 중이에요. 1분 후에 다시 요청해 주세요. 비용은 청구되지 않았어요.
failure-blocked-until = 지금은 이 서버에서 Easel을 사용할 수 없어요. 차단은 { $when } 끝나며, 관리자가 더 일찍 해제할 수도 있어요.
failure-blocked = 관리자가 차단을 해제할 때까지 이 서버에서 Easel을 사용할 수 없어요.
failure-blocked-until-personal = 지금은 Easel을 사용할 수 없어요. Easel 홈 서버에서 차단되었거나 일시 정지되었어요. 차단은 { $when } 끝나며, 관리자가 더 일찍 해제할 수도 있어요.
failure-blocked-personal = Easel 홈 서버의 관리자가 차단을 해제할 때까지 Easel을 사용할 수 없어요.
failure-result-unusable = 이미지 서비스가 보낸 이미지를 읽을 수 없어서(손상, 불완전 또는 너무 큰 파일) 전달할 이미지가 없어요. 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-provider-refused = 이미지 제공업체가 콘텐츠 정책에 따라 이 요청을 거부했어요(사유: { $category }). 프롬프트를 바꿔서 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-rules = 이 프롬프트는 서버의 이미지 요청 규칙에 어긋나서 전송되지 않았어요. 프롬프트를 바꿔서 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-rules-personal = 이 프롬프트는 Easel 소유자가 정한 이미지 요청 규칙에 어긋나서 전송되지 않았어요. 프롬프트를 바꿔서 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-rules-flagged = 이 프롬프트는 콘텐츠 검사에서 문제가 감지되어({ $categories }) 전송되지 않았어요. 프롬프트를 바꿔서 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-upload-flagged = 업로드한 이미지가 콘텐츠 검사에서 문제가 감지되어({ $categories }) 전송되지 않았어요. 다른 이미지를 선택해 주세요. 비용은 청구되지 않았어요.
failure-unavailable = 지금 이미지 서비스가 응답하지 않아요(중단되었거나 다시 시작하는 중일 수 있어요). 나중에 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-busy = 지금 이미지 서비스가 혼잡해요. 1분 후에 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-timed-out = 이미지 서비스의 응답이 너무 오래 걸렸어요. 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-stopped-on-server = 이미지 서버 운영자가 이 작업을 중단해서 이미지가 없어요. 다시 요청할 수 있어요. 비용은 청구되지 않았어요.
failure-model-retired-replaced = `{ $model }` 모델은 제공업체에서 지원을 종료했어요. 대신 `{ $replacement }` 모델을 선택해 주세요.
failure-model-retired = `{ $model }` 모델은 제공업체에서 지원을 종료했어요. 다른 모델을 선택해 주세요.
failure-misconfigured = 이 모델에 대한 Easel 설정이 올바르지 않아서 지금은 이미지를 만들 수 없어요. 봇 로그를 통해 봇 운영자에게 알렸어요. 비용은 청구되지 않았어요.
failure-result-lost = 이미지는 만들어졌지만 저장하기 전에 링크가 만료되었어요. 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-delivery = 이미지는 만들어졌지만 Discord가 업로드를 받아 주지 않았어요. 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-translation = 이 모델에 보낼 프롬프트를 지금은 영어로 번역하지 못했어요. 다시 시도하거나 영어로 작성해 주세요. 비용은 청구되지 않았어요.
failure-unexpected = 처리 중에 문제가 생겼어요. 다시 시도해 주세요. 비용은 청구되지 않았어요.
failure-pause = 거부가 반복되어 이 서버에서 Easel 사용이 일시 정지되었어요. 일시 정지는 { $when } 풀려요.
failure-pause-personal = 거부가 반복되어 Easel 사용이 일시 정지되었어요. 일시 정지는 { $when } 풀려요.

source-untrusted-host = 이미지는 Discord에서만 내려받는데, 이 이미지는 다른 곳에서 왔어요. 명령어에 이미지를 직접 첨부해 주세요.
source-too-large = 이미지가 내려받을 수 있는 최대 크기인 { $megabytes }MB보다 커요. 더 작은 이미지를 첨부해 주세요.
source-longer-than-declared = 받은 파일이 Discord가 알려 준 업로드 크기보다 커서 다운로드를 중단했어요. 이미지를 다시 첨부해 주세요.
source-gone = 이미지를 내려받기 전에 링크가 만료되었어요. 다시 첨부해 주세요.
source-kept-gone = 저장한 스타일에 보관된 이미지가 더 이상 없어요. 이미지와 함께 스타일을 다시 저장해 주세요.
source-cut-short = Discord에서 이미지를 내려받다가 중간에 끊겼어요. 다시 시도해 주세요.
source-failed = Discord에서 이미지를 내려받지 못했어요. 잠시 후 다시 시도해 주세요.
source-not-an-image = 이 파일은 PNG, JPEG, WebP 이미지가 아니에요. 이 중 한 형식으로 첨부해 주세요.
source-too-many-pixels = 이미지 크기가 { $width }×{ $height }픽셀이에요. 한 변 최대 { $side }픽셀, 전체 { $megapixels }메가픽셀까지의 이미지만 처리할 수 있어요. 더 작은 이미지를 첨부해 주세요.
source-damaged = 파일이 이미지처럼 보이지만 손상되었거나 불완전해서 읽을 수 없었어요. 다시 첨부해 주세요.
source-cannot-fit = 이 모델에 맞게 이미지를 충분히 줄이지 못했어요. 더 작은 이미지를 첨부해 주세요.
source-encode = 모델에 보낼 이미지를 준비하다가 문제가 생겼어요. 다시 시도해 주세요.
source-mask-mismatch = 마스크는 { $mask }픽셀인데 이미지는 { $image }픽셀이에요. 같은 크기의 이미지 사본 위에 그려 주세요(바꿀 부분은 흰색, 그대로 둘 부분은 검은색).
source-markup-mismatch = 마크업은 { $mask }픽셀인데 이미지는 { $image }픽셀이에요. 같은 크기의 이미지 사본 위에 그려 주세요.

## 카탈로그에서 허용하지 않는 요청

invalid-unknown-model = `{ $model }` 모델은 이 봇에서 제공하지 않아요. 다음 중에서 선택해 주세요: { $offered }
invalid-empty-prompt = 원하는 이미지를 설명하는 프롬프트를 입력해 주세요.
invalid-prompt-too-long = 프롬프트가 { $length }자예요. `{ $model }` 모델은 최대 { $max }자까지 받을 수 있어요.
invalid-not-allowed = `{ $model }` 모델에서 쓸 수 없는 { $option } 값이에요: `{ $value }`. 가능한 값: { $allowed }
invalid-no-styles = `{ $model }` 모델은 스타일을 지원하지 않아요. 스타일 옵션을 비워 주세요.
invalid-count = `{ $model }` 모델은 요청 한 번에 이미지를 { $min }~{ $max }장 만들어요. 요청한 수는 { $count }장이에요.
invalid-variation-unsupported = `{ $model }` 모델은 변형을 만들 수 없어요. 가능한 모델: { $capable }
invalid-missing-image = 변형할 이미지를 첨부해 주세요.
invalid-blend-unsupported = `{ $model }` 모델은 이미지를 합성하거나 참고 이미지를 따를 수 없어요. 가능한 모델: { $capable }
invalid-blend-count = { $max ->
    [2] 합성할 이미지를 정확히 2장 첨부해 주세요. 첨부한 수는 { $given }장이에요.
   *[other] 합성할 이미지를 2~{ $max }장 첨부해 주세요. 첨부한 수는 { $given }장이에요.
}
invalid-edit-unsupported = `{ $model }` 모델은 이미지를 편집할 수 없어요. 가능한 모델: { $capable }
invalid-option-unsupported = `{ $model }` 모델은 { $option } 옵션을 지원하지 않아요. 옵션을 비우거나 지원하는 모델을 선택해 주세요: { $capable }
invalid-style-picture-unsupported = 그 저장된 스타일에는 참고 이미지가 있는데, `{ $model }` 모델은 이를 쓸 수 없어요. 쓸 수 있는 모델을 선택해 주세요: { $capable }
invalid-tuning-range = { $option } 값은 { $min }~{ $max } 사이여야 해요. 다른 값을 선택해 주세요.
invalid-seed = 시드는 -1부터 4294967295까지의 정수여야 해요. 입력한 값: { $seed }
invalid-styles = 스타일을 1~{ $max }개, 쉼표로 구분해서 입력해 주세요.
invalid-styles-unsupported = `/스타일비교`는 스타일마다 이미지를 한 장씩 만드는데, `{ $model }` 모델은 그렇게 만들 수 없어요. `/스타일비교`에는 다른 모델을 선택해 주세요.
invalid-not-an-image = `{ $file }` 파일은 이미지가 아니에요. PNG, JPEG, WebP 이미지를 첨부해 주세요.
invalid-image-too-large = `{ $file }` 파일은 { $size }MB예요. 받을 수 있는 이미지는 최대 { $max }MB예요.

# 위 문장들에서 요청 옵션을 부르는 이름이에요.
option-word-size = 크기
option-word-quality = 품질
option-word-style = 스타일
option-word-steps = 스텝
option-word-cfg_scale = cfg_scale
option-word-sampler = 샘플러
option-word-markup = 마크업
option-word-mask = 마스크
option-word-reference = 참고이미지
option-word-tuning = 스텝, cfg_scale 또는 샘플러

## 제한

limit-cooldown = 요청 사이에 잠시 기다려 주세요. { $when } 다시 요청할 수 있어요.
limit-when-one-finishes = 진행 중인 요청 하나가 끝나는 대로
limit-in-flight = 이미 진행 중인 이미지 요청이 { $limit }개로, 동시에 허용되는 최대 개수예요. 하나가 끝날 때까지 기다려 주세요.
limit-images-per-day = 일일 이미지 제한에 도달했어요. 24시간 기준 { $limit }장 중 { $left }장 남았는데, 이 요청에는 { $needed }장이 필요해요. { $when } 다시 여유가 생겨요.
limit-user-usd = 내 일일 예산이 거의 소진됐어요. 24시간 기준 { $limit } 중 { $left } 남았는데, 이 요청에는 약 { $needed }의 비용이 들어요. { $when } 다시 여유가 생겨요.
limit-guild-usd = 이 서버의 일일 이미지 예산이 거의 소진됐어요. { $limit } 중 { $left } 남았는데, 이 요청에는 약 { $needed }의 비용이 들어요. { $when } 다시 여유가 생겨요.
limit-personal-usd = 내 개인 일일 예산(Easel을 설치한 서버 밖에서 Easel을 쓸 때의 예산)이 거의 소진됐어요. 24시간 기준 { $limit } 중 { $left } 남았는데, 이 요청에는 약 { $needed }의 비용이 들어요. { $when } 다시 여유가 생겨요.
limit-global-usd = 봇의 월간 예산이 거의 소진됐어요. { $left } 남았는데, 이 요청에는 약 { $needed }의 비용이 들어요. 예산은 { $when } 초기화돼요.
limit-bad-value-whole = `{ $limit }`에는 `{ $value }` 값을 쓸 수 없어요. { $min }~{ $max } 사이의 정수({ $unit })를 입력하거나, 제한을 없애려면 `none`을 입력해 주세요.
limit-bad-value = `{ $limit }`에는 `{ $value }` 값을 쓸 수 없어요. { $min }~{ $max } 사이의 숫자({ $unit })를 입력하거나, 제한을 없애려면 `none`을 입력해 주세요.
limit-unit-seconds = 초
limit-unit-jobs = 동시 작업 수
limit-unit-images = 장
limit-unit-usd = 미국 달러
limit-none = 제한 없음
limit-seconds = { $seconds }초

## /사용량

usage-heading = **내 Easel 사용량**
usage-label-cooldown = 요청 간격
usage-label-in-flight = 진행 중인 이미지
usage-label-images = 이미지 (24시간)
usage-label-user-usd = 내 예산 (24시간)
usage-label-guild-usd = 서버 예산 (24시간)
usage-label-global-usd = 봇 예산 (이번 달)
usage-exempt = **{ $label }**: 면제 (서버 관리하기 권한)
usage-cooldown-waiting = **{ $label }**: { $limit }, 다음 요청 가능: { $when }
usage-cooldown-ready = **{ $label }**: { $limit }, 지금 요청 가능
usage-unlimited = **{ $label }**: { $used } 사용, 제한 없음
usage-used = **{ $label }**: { $used } 사용, { $limit } 중 { $left } 남음
usage-cancelled = -# 모델이 시작된 뒤 취소한 이미지 { $count }장이 예상 비용({ $usd })으로 포함되어 있어요. 제공업체는 호출이 시작되면 비용을 청구해요.
usage-latest-failure = 이미지가 나오지 않은 최근 비공개 요청({ $when }, 작업 { $job }): { $reason }

## 대기 중이거나 실행 중인 작업의 메시지, 취소

progress-next = `{ $model }` 대기열에서 다음 차례예요.
progress-place = `{ $model }` 대기열에서 { $place }번째예요.
progress-step = `{ $model }` 모델로 이미지를 만드는 중이에요: { $steps }스텝 중 { $step }스텝…
progress-running = `{ $model }` 모델로 이미지를 만드는 중이에요…
progress-cancelled-by = { $member }님이 취소했어요.
progress-backend-down = 지금 이 모델의 이미지 서비스가 응답하지 않아요. 요청은 순서를 그대로 유지하다가 서비스가 돌아오면 실행돼요. 그동안 취소해도 괜찮아요.
button-cancel = 취소
cancel-nothing-charged = 청구된 비용은 없어요.
cancel-charged-estimate = 모델이 이미 작업을 시작해서 예상 비용({ $estimate })이 제한에 반영돼요.
cancel-done = 취소했어요.
cancel-not-found = 해당 요청을 찾을 수 없어요.
cancel-not-yours = 이 이미지를 요청한 멤버나 관리자만 취소할 수 있어요.
cancel-already-finished = 이미 끝난 요청이라 취소할 수 없어요.
cancel-failed = 요청을 취소하다가 문제가 생겼어요. 다시 시도해 주세요.
cancel-nothing-active = 대기 중이거나 진행 중인 이미지 요청이 없어요.
cancel-lookup-failed = 요청을 조회하다가 문제가 생겼어요. 다시 시도해 주세요.

## 결과

result-title-generate = 요청하신 이미지
result-title-hd = 고화질 이미지
result-title-variation = 변형 이미지
result-title-edit = 편집한 이미지
result-title-styles = 스타일 비교
result-title-extend = 확장한 이미지
result-title-blend = 합성한 이미지
result-title-describe = 이미지에서 만든 프롬프트
result-describe-intro = 그대로 쓰거나 먼저 고쳐서 쓸 수 있어요. 각 버튼을 누르면 해당 프롬프트가 들어간 /생성 창이 열려요.
result-variation-description = 원본 이미지를 변형한 결과
result-footer = 작업 { $job } · /보기 { $job }
result-cost-usage = { $cost } (토큰 사용량 기준)
result-cost-catalogue = { $cost } (카탈로그 가격)
result-ai-generated = 각 파일의 메타데이터에 표시됨
result-ready = { $member }님, 이미지가 준비됐어요.
result-fetched-again = Discord의 원래 메시지에서 다시 가져왔어요.
result-gallery-credit = 요청: { $requester } · 승인: { $moderator }
field-revised-prompt = 수정된 프롬프트
field-model = 모델
field-size = 크기
field-quality = 품질
field-cost = 비용
field-ai-generated = AI 생성
field-requested-by = 요청자
field-from = 원본
result-from = 작업 { $job }
field-draft = 초안
result-draft = 가장 저렴한 품질(`{ $quality }`)로 만들었어요. “완성”을 누르면 약 { $estimate }의 비용으로 `{ $top }` 품질로 다시 만들어요.
field-seeds = { $count ->
   *[other] 시드
    }
field-parameters = 파라미터
field-negative-prompt = 네거티브 프롬프트
field-styles = 스타일
field-prompt-sent = 모델에 보낸 프롬프트 (영어)
button-reroll = 다시 생성
button-enhance = 완성
button-pan-left = ⬅️ 확장
button-pan-right = ➡️ 확장
button-pan-up = ⬆️ 확장
button-pan-down = ⬇️ 확장
button-zoom-out = 줌 아웃 { $factor }×
button-edit = 편집
button-delete = 삭제
button-vary = 변형
button-vary-numbered = 변형 { $number }
button-hd = 고화질
button-hd-numbered = 고화질 { $number }
button-upscale-creative = 업스케일 (크리에이티브)
button-use-numbered = 사용 { $number }
delete-not-yours = 이 이미지를 요청한 멤버나 관리자만 삭제할 수 있어요.
delete-done = 삭제했어요.
delete-failed = 메시지를 삭제하지 못했어요. 잠시 후 다시 시도해 주세요.
click-other-server = 다른 서버의 결과라서 버튼은 그 서버에서만 작동해요.
click-private = 이 결과는 요청한 멤버만 볼 수 있어요.
click-not-on-record = 이 결과의 기록이 더 이상 없어서 버튼이 작동하지 않아요. `/생성`으로 다시 요청해 주세요.
edit-modal-title = 이미지 편집
edit-modal-instruction = 무엇을 바꿀까요?
edit-modal-placeholder = 예: 여우에게 빨간 목도리를 둘러 주세요
edit-modal-which = 몇 번째 이미지인가요? (1~{ $count })
generate-modal-title = 이미지 생성
generate-modal-prompt = 프롬프트
menu-no-image = 이 메시지에는 Easel이 사용할 수 있는 이미지가 없어요. PNG, JPEG, WebP 이미지가 있는 메시지를 선택해 주세요.
menu-which-image = 어떤 이미지로 할까요? 하나를 선택해 주세요.
menu-image-numbered = { $number }번 이미지
menu-expired = 선택 가능한 시간이 지났어요. 메시지의 앱 메뉴를 다시 사용해 주세요.
edit-which-number = 1이나 2처럼 이미지 번호를 입력해 주세요.
edit-no-such-image = 이 메시지에서 { $number }번 이미지를 찾을 수 없어요.

## /보기

show-unknown = `{ $job }` 이미지 작업 기록이 없어요.
show-not-yours = 이 이미지를 요청한 멤버나 관리자만 다시 게시할 수 있어요.
show-not-delivered = 이 작업은 전달되지 않아서(상태: { $state }) 보여 드릴 것이 없어요.
show-gone = 이 작업의 이미지는 더 이상 보관되어 있지 않고, 어디에 게시되었는지도 알 수 없어요.
show-private = 비공개 결과예요.
show-deleted = 이 결과는 Discord에서 삭제되었고 이미지도 더 이상 보관되어 있지 않아서 보여 드릴 수 없어요.
show-unreachable = 지금은 Discord에서 이 결과의 메시지에 접근할 수 없어요. 다시 시도해 주세요.
show-download-failed = 지금은 Discord에서 이 결과의 이미지를 내려받을 수 없어요. 다시 시도해 주세요.
show-unreadable = 이 결과의 이미지를 더 이상 읽을 수 없어요.
show-emptied = 이 결과의 메시지에 이미지가 더 이상 없어서 보여 드릴 수 없어요.
job-state-queued = 대기 중
job-state-running = 실행 중
job-state-delivered = 전달됨
job-state-failed = 실패
job-state-cancelled = 취소됨

## /설정

settings-heading = **내 기본값**
settings-saved = 저장했어요. 현재 기본값은 다음과 같아요:
settings-cleared = 기본값을 모두 지웠어요.
settings-read-failed = 지금은 설정을 불러올 수 없어요. 다시 시도해 주세요.
settings-save-failed = 지금은 설정을 저장할 수 없어요. 다시 시도해 주세요.
settings-model = 모델: { $value }
settings-size = 크기: { $value }
settings-quality = 품질: { $value }
settings-style = 스타일: { $value }
settings-suffix = 프롬프트 접미사: { $value }
settings-language = 언어: { $value }
settings-drafts-on = 초안: 켜짐 (/생성에서 저렴한 초안을 만들고 “완성” 버튼을 붙여요)
settings-drafts-off = 초안: 꺼짐
style-saved = 스타일 `{ $name }`을(를) 저장했어요. /생성의 스타일로 고르면 그 말이 프롬프트에 더해져요.
style-saved-with-picture = 스타일 `{ $name }`을(를) 참고 이미지와 함께 저장했어요. /생성의 스타일로 고르면 그 말과 이미지가 프롬프트에 더해져요(참고 이미지를 받는 모델에서).
style-deleted = 스타일 `{ $name }`을(를) 삭제했어요.
style-not-found = `{ $name }` 스타일이 없어요.
style-bad-name = 스타일 이름은 글자, 숫자, 공백, -, _ 로 1~{ $max }자여야 해요.
style-bad-text = 스타일의 말은 1~{ $max }자여야 해요.
style-too-many = 스타일은 최대 { $max }개까지 둘 수 있어요. 먼저 하나를 삭제해 주세요.
style-moderators-only = 서버의 스타일은 그 서버의 관리자만 저장하거나 삭제할 수 있어요.
style-refused = 이 말은 서버의 이미지 요청 규칙에 어긋나서 스타일이 저장되지 않았어요. 말을 바꿔서 다시 시도해 주세요.
style-refused-personal = 이 말은 Easel 소유자가 정한 이미지 요청 규칙에 어긋나서 스타일이 저장되지 않았어요. 말을 바꿔서 다시 시도해 주세요.
style-list-mine = **내 스타일**
style-list-server = **이 서버의 스타일**
style-list-picture = 참고 이미지 있음
settings-results-private = 결과: 나만 보기
settings-results-public = 결과: 모두에게 게시
settings-server-default = 서버 기본값 (`{ $model }`)
settings-model-default = 모델 기본값
settings-discord-language = 내 Discord 언어 ({ $language })
settings-unknown-model = `{ $model }` 모델은 이 봇에서 제공하지 않아요. 모델 목록은 `/도움말`에서 확인해 주세요.
settings-not-offered = `{ $model }` 모델에서 쓸 수 없는 { $option } 값이에요: `{ $value }`
settings-suffix-too-long = 프롬프트 접미사가 { $length }자예요. 최대 { $max }자까지 쓸 수 있어요.
settings-retired-default = 저장된 기본 모델 `{ $old }`의 지원이 종료되어 `{ $replacement }` 모델로 바꿨어요. 새 기본값으로 저장했으며 `/설정`에서 바꿀 수 있어요.

## /도움말

help-title = Easel: 함께 만드는 이미지
help-formula-rule = **주제 + 동작 또는 상태 + 스타일 + 배경 + 세부 묘사 + 품질 키워드**
help-formula-explain = 그림에 무엇이 있는지, 무엇을 하고 있는지, 어떤 스타일로 그릴지, 어디에 있는지, 중요한 세부 묘사, 얼마나 완성도 있게 보여야 하는지를 적어 보세요.
help-example-one = **예시 1**: 붉은 여우 · 몸을 웅크리고 잠든 · 수채화 · 눈 덮인 자작나무 숲 · 부드러운 아침 햇살 · 매우 정교한 디테일
help-example-one-command = `/생성 프롬프트: 붉은 여우, 몸을 웅크리고 잠든 모습, 수채화, 눈 덮인 자작나무 숲, 부드러운 아침 햇살, 매우 정교한 디테일`
help-example-two = **예시 2**: 등대지기 · 램프 불빛 아래에서 책을 읽는 · 유화 · 폭풍우 치는 밤 돌탑 안 · 창문에 맺힌 빗방울, 따스한 불빛 · 걸작, 선명한 초점
help-example-two-command = `/생성 프롬프트: 등대지기, 램프 불빛 아래에서 책을 읽는 모습, 유화, 폭풍우 치는 밤 돌탑 안, 창문에 맺힌 빗방울, 따스한 불빛, 걸작, 선명한 초점`
help-styles-tip = 어떤 스타일이 좋을지 모르겠다면 `/스타일비교 주제: 해 질 녘의 등대`를 입력해 보세요. 한 주제를 네 가지 스타일로 나란히 보여 줘요.
help-commands =
    `/생성` 프롬프트로 이미지 만들기 · `/고화질` 모델 최고 품질로 만들기
    `/변형` 업로드한 이미지를 새롭게 변형 · `/편집` 업로드한 이미지 수정 (마스크로 범위 지정)
    `/스타일비교` 한 주제를 최대 4가지 스타일로 · `/보기` 결과를 버튼과 함께 다시 게시
    `/설정` 내 기본값 · `/사용량` 내 사용 현황 · `/취소` 대기 중인 요청 취소
    결과 아래 버튼: 다시 생성, 변형, 고화질, 편집, 삭제
    관리자: `/관리` · 서버 관리하기 권한이 있는 멤버: `/제한`
help-describe = `/프롬프트추출` 이미지를 쓸 수 있는 프롬프트로 바꾸기 (또는 메시지에서: 앱 → Easel로 프롬프트 추출)
help-blend = `/합성` 이미지 2~5장을 하나로 합치기
help-reference = `/생성 참고이미지:` 충실히 따를 이미지 지정
help-menus = 이미지가 있는 메시지의 앱 메뉴: Easel로 편집, Easel로 변형
help-studio = `/스타일 저장` 말(과 이미지)을 이름으로 저장해 `스타일`로 선택 · `초안:true` 저렴한 첫 시도 후 “완성” · 이미지 한 장 아래: ⬅️➡️⬆️⬇️ 확장, 줌 아웃 1.5× 또는 2×, 업스케일 (크리에이티브)
help-section-commands = 명령어
help-section-studio = 스튜디오
help-section-models = 사용 가능한 모델 (기본 크기와 품질로 이미지 1장을 만들 때의 가격)
help-section-limits = 내 제한
help-limits-none = 설정된 제한이 없어요.
help-model = `{ $model }`: { $price }
help-model-default = `{ $model }` (기본값): { $price }
help-model-free = 자체 호스팅, 무료
help-model-translates = 어떤 언어로 쓴 프롬프트든 영어로 번역해서 보내요
help-model-english-only = 영어 프롬프트만 이해해요

## 관리자와 서버 관리 권한이 있는 멤버: /제한, /관리

admin-log-channel = 이제 Easel 관리 로그는 { $channel } 채널에 기록돼요.
admin-rule-added = 금지어 목록에 추가했어요: { $kind } `{ $pattern }`. 일치하는 프롬프트는 모델을 호출하기 전에 거부돼요.
admin-rule-exists = 이미 금지어 목록에 있어요: { $kind } `{ $pattern }`
admin-rule-removed = 금지어 목록에서 제거했어요: { $kind } `{ $pattern }`
admin-rule-missing = 금지어 목록에 없어요: { $kind } `{ $pattern }`
admin-limit-set = { $whom }의 `{ $limit }` 값을 변경했어요: { $value }
admin-reset-server = 이 서버의 설정 { $count }개를 모두 초기화했어요. 다시 기본값이 적용돼요.
admin-reset = { $whom }의 설정 { $count }개를 초기화했어요. 다시 기본값이 적용돼요.
admin-blocked-until = { $member }님의 이 서버 Easel 사용을 차단했어요. 차단은 { $when } 끝나요.
admin-blocked = { $member }님의 이 서버 Easel 사용을 차단했어요. 해제할 때까지 차단이 유지돼요.
admin-unblocked = 이제 { $member }님이 이 서버에서 Easel을 다시 사용할 수 있어요.
admin-not-blocked = { $member }님은 차단된 상태가 아니었어요.
admin-not-manager = 서버 관리하기 권한이 있는 멤버만 { $action } 수 있어요.
admin-not-moderator = 이 서버의 관리자(메시지 관리하기, 멤버 타임아웃 또는 서버 관리하기 권한이 있는 멤버)만 { $action } 수 있어요.
admin-pattern-length = 금지어 항목은 1~200자여야 해요.
admin-pattern-no-letter = 금지어에는 글자나 숫자가 하나 이상 있어야 해요.
admin-pattern-regex = 정규식을 컴파일할 수 없어요: { $why }
admin-not-in-server = 제한은 서버마다 따로 적용돼요. 서버 안에서 이 명령어를 사용해 주세요.
admin-unknown-limit = 서버에서 설정할 수 있는 제한이 아니에요: `{ $limit }`
admin-server-only = `{ $limit }` 항목은 서버 전체의 예산이에요. `멤버`나 `역할` 옵션 없이 설정해 주세요.
admin-above-owner-cap = 봇 소유자가 정한 서버 일일 예산 상한은 { $max }예요. 0부터 이 금액 사이의 값을 선택해 주세요.
admin-bad-hours = 차단 기간은 0시간보다 길고 최대 { $max }시간(1년)까지 정할 수 있어요. 해제할 때까지 차단하려면 `시간` 옵션을 비워 두세요.
admin-no-reason = 사유 없음
admin-block-reason = { $reason } (처리: { $moderator }님)
admin-store-failed = 저장하다가 문제가 생겼어요. 아무것도 변경되지 않았어요.
# action-* 문구는 "…만 { $action } 수 있어요" 안에 들어가요.
action-choose-log-channel = Easel 로그 채널을 선택할
action-change-blocklist = 금지어 목록을 변경할
action-read-blocklist = 금지어 목록을 볼
action-read-history = Easel 작업 기록을 볼
action-see-limits = Easel 제한을 볼
action-change-limits = Easel 제한을 변경할
action-block-members = 멤버의 Easel 사용을 차단할
action-lift-block = 차단을 해제할
rule-kind-word = 단어
rule-kind-regex = 정규식
whom-server = 이 서버
whom-role = { $role } 역할 멤버
blocklist-empty = 금지어 목록이 비어 있어요.
blocklist-heading = **금지어 목록** (규칙 { $count }개)
limits-heading-server = **이 서버의 제한**
limits-heading-member = **{ $member }님의 제한**
limits-role-tiers = 역할별 제한: { $tiers }
limits-blocked-until = 차단됨 ({ $when } 해제): { $reason }
limits-blocked = 차단됨 (해제할 때까지): { $reason }
limits-managers-exempt = 서버 관리하기 권한이 있는 멤버에게는 멤버별 제한이 적용되지 않아요.
limits-managers-held = 서버 관리하기 권한이 있는 멤버에게도 멤버별 제한이 적용돼요.
history-empty-server = 이 서버의 작업 기록 { $pages }페이지 중 { $page }페이지에는 작업이 없어요.
history-empty-member = { $member }님의 작업 기록 { $pages }페이지 중 { $page }페이지에는 작업이 없어요.
history-heading-server = **이 서버의 Easel 작업**: { $page }/{ $pages }페이지 (총 { $total }건)
history-heading-member = **{ $member }님의 Easel 작업**: { $page }/{ $pages }페이지 (총 { $total }건)
history-line = { $time } { $member } /{ $command } { $model } · **{ $outcome }**{ $reason } · { $cost } · "{ $prompt }"{ $link } · 작업 { $job }{ $from }
history-result = 결과
history-newer = ◀ 더 최근
history-older = 더 이전 ▶
report-moderators-only = 서버 지출은 관리자만 볼 수 있어요.
report-read-failed = 지금은 서버 지출을 불러올 수 없어요. 다시 시도해 주세요.
report-heading = **최근 { $days }일간 이 서버의 이미지 지출**: { $usd } (이미지 { $images }장)
report-failed = 실패한 작업에 쓴 비용(모델은 응답했지만 전달하지 못했고, 멤버에게는 청구되지 않음): { $usd }
report-top = **요청이 많은 멤버**
report-community = 커뮤니티 요청
report-line = { $rank }. { $who }: { $usd }, 이미지 { $images }장

## 관리 로그

outcome-delivered = 전달됨
outcome-refused-by-provider = 제공업체에서 거부됨
outcome-refused-by-rules = 서버 규칙으로 거부됨
outcome-failed = 실패
log-title = /{ $command }: { $outcome }
log-jump = 이미지로 이동
log-footer = 작업 { $job }
log-cancelled-by = { $member }님이 취소했어요
field-requester = 요청자
field-channel = 채널
field-result = 결과물
field-command = 명령어
field-outcome = 처리 결과
field-reason = 사유
notice-model-retired = **모델 지원 종료**: `{ $model }` 모델은 더 이상 제공되지 않아서 목록에서 빠졌어요. 이 모델로 들어오는 요청은 대신 `{ $replacement }` 모델을 사용해요.
notice-model-retiring-tomorrow = **모델 지원 종료 예정**: `{ $model }` 모델은 { $date }(내일) 종료돼요.
notice-model-retiring = **모델 지원 종료 예정**: `{ $model }` 모델은 { $date }({ $days }일 후) 종료돼요.
notice-move-to = `{ $replacement }` 모델로 옮겨 주세요(멤버들은 지금 바로 선택할 수 있어요).
spend-server-used-up = **지출 알림**: 이 서버의 일일 이미지 예산을 모두 사용했어요. 최근 24시간 지출: { $budget } 중 { $spent } ({ $percent }%). 예산에 여유가 생길 때까지 새 요청은 거부돼요.
spend-server-passed = **지출 알림**: 이 서버의 일일 이미지 예산 사용량이 { $percent }%를 넘었어요. 최근 24시간 지출: { $budget } 중 { $spent }.
spend-bot-used-up = **지출 알림**: 봇의 월간 이미지 예산을 모두 사용했어요. 이번 달 지출: { $budget } 중 { $spent } ({ $percent }%). 예산에 여유가 생길 때까지 새 요청은 거부돼요.
spend-bot-passed = **지출 알림**: 봇의 월간 이미지 예산 사용량이 { $percent }%를 넘었어요. 이번 달 지출: { $budget } 중 { $spent }.

## 커뮤니티 요청

desk-posted = 관리자 승인을 받을 수 있도록 요청을 { $channel } 채널에 올렸어요. 결과는 DM으로 알려 드릴게요. 멤버들은 그곳에서 요청에 투표할 수 있어요.
desk-approved = 승인했어요. 서버 예산으로 이미지를 만든 뒤 게시할게요.
desk-approved-in = 승인했어요. 서버 예산으로 이미지를 만든 뒤 { $gallery } 채널에 게시할게요.
desk-denied = 거절했어요. 요청자에게 사유를 알렸어요.
desk-denied-to-requester = “{ $prompt }” 요청이 관리자 승인을 받지 못했어요. 사유: { $reason }
desk-delivered-to-requester = “{ $prompt }” 요청을 { $moderator }님이 승인했고, 이미지가 갤러리에 올라왔어요: { $link }
desk-outside-servers = 요청은 서버에서만 할 수 있어요.
desk-no-channel = 이 서버에는 아직 요청 채널이 없어요. 관리자가 `/요청게시판 채널`로 설정할 수 있어요.
desk-too-many-open = 이 서버에 열려 있는 내 요청이 이미 { $count }개로, 동시에 허용되는 최대 개수예요. 관리자가 그중 하나를 처리할 때까지 기다려 주세요.
desk-starting = Easel이 아직 시작하는 중이에요. 잠시 후 다시 시도해 주세요.
desk-cannot-post = { $channel } 채널에 글을 올리지 못했어요. Easel이 그 채널에 메시지를 보낼 수 있도록 관리자에게 요청해 주세요.
desk-no-such-request = 해당 요청 기록이 없어요.
desk-own-request = 자신의 요청에는 투표할 수 없어요.
desk-voter-blocked = 이 서버에서 Easel 사용이 차단된 동안에는 투표할 수 없어요.
desk-already-voted = 이미 이 요청에 투표했어요.
desk-decided = 이미 처리된 요청이에요.
desk-not-started = 작업을 시작하지 못해서 요청은 열린 상태로 남아 있어요: { $why }
desk-not-decider = 관리자(메시지 관리하기 권한이나 서버의 요청 관리자 역할이 있는 멤버)만 요청을 승인하거나 거절할 수 있어요.
desk-not-saved = 지금은 저장할 수 없어요. 다시 시도해 주세요.
desk-no-open = 열려 있는 요청이 없어요.
desk-managers-only = 서버 관리하기 권한이 있는 멤버만 요청 게시판을 변경할 수 있어요.
desk-channel-set = 이제 요청 카드가 { $channel } 채널에 게시돼요.
desk-gallery-set = 이제 승인된 결과가 { $channel } 채널에 게시돼요.
desk-moderators-set = 이제 { $role } 역할 멤버가 요청을 승인하거나 거절할 수 있어요.
desk-need-role = 승인 없이 요청할 수 있는 멤버의 `역할`을 지정해 주세요.
desk-need-cost = 승인이 필요해지는 기준 비용(`달러`, 0~1000)을 입력해 주세요.
desk-need-channel = 먼저 `/요청게시판 채널`로 요청 채널을 선택해 주세요.
desk-policy-off = 이제 요청에 승인이 필요 없어요. 멤버의 이미지는 각자의 예산으로 만들어져요.
desk-policy-everyone = 이제 모든 멤버의 요청에 관리자 승인이 필요해요.
desk-policy-without-role = 이제 { $role } 역할이 없는 멤버의 요청에 관리자 승인이 필요해요.
desk-policy-over-cost = 이제 예상 비용이 { $usd }를 넘는 요청에 관리자 승인이 필요해요.
desk-list-heading = **열려 있는 요청**
desk-list-line = { $rank }. **{ $prompt }** · { $member } · { $votes }표 · 약 { $usd } · { $when }{ $link }
card-title = 커뮤니티 요청
card-waiting = 관리자 승인 대기 중
card-approved-by = { $moderator }님이 승인함
card-denied-by = { $moderator }님이 거절함: { $reason }
card-estimated-cost = 예상 비용
card-votes = 투표
card-status = 상태
card-note = 메모
card-footer = 요청 { $request }
card-approve = 승인
card-deny = 거절
card-vote = 투표 ({ $votes })
deny-modal-title = 요청 거절
deny-modal-reason = 거절 사유 (요청자에게 전달돼요)

## Discord에 표시되는 명령어 (이름: 소문자, 공백 없이 최대 32자;
## 설명: 최대 100자). 옵션 이름은 그 옵션이 있는 모든 명령어가 함께 써요.

name-add = 추가
name-block = 차단
name-blocklist = 금지어
name-cancel = 취소
name-cfg_scale = cfg_scale
name-channel = 채널
name-edit = 편집
name-gallery = 갤러리
name-generate = 생성
name-hd = 고화질
name-help = 도움말
name-history = 기록
name-hours = 시간
name-image = 이미지
name-job = 작업
name-limit = 제한항목
name-limits = 제한
name-list = 목록
name-log-channel = 로그채널
name-markup = 마크업
name-mask = 마스크
name-mode = 대상
name-model = 모델
name-moderation = 관리
name-moderators = 관리자
name-n = 개수
name-negative_prompt = 네거티브프롬프트
name-note = 메모
name-page = 페이지
name-pattern = 패턴
name-policy = 정책
name-prompt = 프롬프트
name-public = 공개
name-quality = 품질
name-reason = 사유
name-reference = 참고이미지
name-name = 이름
name-text = 내용
name-scope = 범위
name-save = 저장
name-delete = 삭제
name-regex = 정규식
name-remove = 제거
name-request = 요청
name-requests = 요청게시판
name-reset = 초기화
name-role = 역할
name-sampler = 샘플러
name-seed = 시드
name-server = 서버
name-set = 지정
name-settings = 설정
name-show = 보기
name-size = 크기
name-sort = 정렬
name-steps = 스텝
name-style = 스타일
name-styles = 스타일비교
name-describe = 프롬프트추출
name-draft = 초안
name-blend = 합성
name-image1 = 이미지1
name-image2 = 이미지2
name-image3 = 이미지3
name-image4 = 이미지4
name-image5 = 이미지5
name-subject = 주제
name-suffix = 접미사
name-unblock = 차단해제
name-usage = 사용량
name-usd = 달러
name-user = 멤버
name-value = 값
name-variation = 변형

desc-generate = 프롬프트로 이미지를 만들어요
desc-generate-prompt = 원하는 이미지를 설명해 주세요
desc-generate-model = 이미지를 그릴 모델
desc-generate-size = 이미지 크기
desc-generate-quality = 품질 등급 (높을수록 비용이 커요)
desc-generate-style = 저장한 스타일이나 모델의 스타일 (입력하면 보여요)
desc-generate-n = 이미지 개수
desc-generate-draft = 먼저 저렴한 초안으로 만들어요 (모델의 최저 품질). “완성”을 누르면 최고 품질로 다시 만들어요
desc-generate-reference = 충실히 따를 인물, 사물 또는 제품의 이미지 (지원하는 모델만)
desc-generate-seed = 결과를 재현할 때 쓰는 시드 (Stable Diffusion)
desc-generate-steps = 샘플링 스텝 수 (Stable Diffusion)
desc-generate-cfg_scale = 프롬프트를 얼마나 충실히 따를지
desc-generate-sampler = 샘플러 (Stable Diffusion)
desc-generate-negative_prompt = 이미지에 나오지 않았으면 하는 것
desc-hd = 모델의 최고 품질로 프롬프트를 이미지로 만들어요
desc-hd-prompt = 원하는 이미지를 설명해 주세요
desc-hd-model = 이미지를 그릴 모델
desc-hd-size = 이미지 크기
desc-variation = 업로드한 이미지를 새롭게 변형해요
desc-variation-image = PNG, JPEG 또는 WebP 이미지
desc-variation-prompt = 바꿀 내용 (선택)
desc-variation-model = 변형할 모델
desc-variation-n = 이미지 개수
desc-cancel = 대기 중이거나 진행 중인 가장 최근 이미지 요청을 취소해요
desc-styles = 한 주제를 최대 4가지 스타일로 나란히 비교해요
desc-styles-subject = 그릴 대상 (예: 해 질 녘의 등대)
desc-styles-styles = 쉼표로 구분한 스타일 최대 4개 (기본값: 실사, 유화, 수채화, 사이버펑크)
desc-styles-model = 이미지를 그릴 모델
desc-styles-size = 이미지 크기
desc-describe = 이미지를 쓸 수 있는 프롬프트로 바꿔요
desc-describe-image = PNG, JPEG 또는 WebP 이미지
desc-describe-model = 이미지를 읽을 모델
desc-blend = 업로드한 이미지 2~5장을 하나로 합성해요
desc-blend-image1 = 첫 번째 이미지
desc-blend-image2 = 두 번째 이미지
desc-blend-image3 = 세 번째 이미지
desc-blend-image4 = 네 번째 이미지
desc-blend-image5 = 다섯 번째 이미지
desc-blend-prompt = 합성 방법 (선택)
desc-blend-model = 합성할 모델
desc-blend-n = 이미지 개수
desc-edit = 업로드한 이미지를 전체 또는 마스크로 표시한 부분만 바꿔요
desc-edit-image = PNG, JPEG 또는 WebP 이미지
desc-edit-prompt = 바꿀 내용
desc-edit-mask = 이미지와 같은 크기: 바꿀 부분은 흰색, 그대로 둘 부분은 검은색
desc-edit-markup = 이미지 사본 위에 직접 그려 넣은 지시 (마크업을 지원하는 모델)
desc-edit-model = 편집할 모델
desc-edit-n = 이미지 개수
desc-show = 내 결과를 버튼과 함께 다시 게시해요
desc-show-job = 결과 아래에 있는 작업 번호
desc-settings = /생성 기본값 (옵션 없이 쓰면 현재 값을 보여 줘요)
desc-settings-model = 기본 모델
desc-settings-size = 기본 크기
desc-settings-quality = 기본 품질
desc-settings-style = 기본 스타일
desc-settings-suffix = 모든 프롬프트 뒤에 덧붙일 문구 (비워 두면 없음)
desc-settings-public = 결과를 모두에게 게시(true) 또는 나만 보기(false)
desc-settings-reset = 내 기본값을 모두 지워요
desc-help = 프롬프트 작성법, 전체 명령어, 모델과 가격, 내 제한
desc-usage = 오늘 사용한 양과 남은 양
desc-usage-server = 관리자용: 최근 30일간 일별 서버 지출과 요청이 많은 멤버
desc-limits = 이 서버의 Easel 제한을 확인하거나 변경해요
desc-limits-show = 서버 또는 멤버의 제한을 확인해요
desc-limits-show-user = 멤버
desc-limits-set = 서버, 역할 등급 또는 멤버의 제한을 설정해요
desc-limits-set-limit = 설정할 제한
desc-limits-set-value = 숫자, 또는 제한을 없애려면 `none`
desc-limits-set-user = 멤버
desc-limits-set-role = 역할 (제한 등급)
desc-limits-reset = 서버, 역할 또는 멤버의 제한을 기본값으로 되돌려요
desc-limits-reset-user = 멤버
desc-limits-reset-role = 역할 (제한 등급)
desc-limits-block = 이 서버에서 멤버의 Easel 사용을 차단해요
desc-limits-block-user = 멤버
desc-limits-block-hours = 차단 기간(시간), 최대 1년 (기본값: 해제할 때까지)
desc-limits-block-reason = 사유 (관리자용)
desc-limits-unblock = 차단된 멤버가 다시 Easel을 사용할 수 있게 해요
desc-limits-unblock-user = 멤버
desc-moderation = Easel 관리 도구
desc-moderation-log-channel = Easel이 모든 작업을 기록할 채널
desc-moderation-log-channel-channel = 텍스트 채널
desc-moderation-blocklist = 거부할 단어와 패턴
desc-moderation-blocklist-add = 이 단어나 패턴이 들어간 프롬프트를 거부해요
desc-moderation-blocklist-add-pattern = 단어, 문구 또는 정규식
desc-moderation-blocklist-add-regex = 패턴을 정규식으로 처리
desc-moderation-blocklist-remove = 이 단어나 패턴을 더 이상 거부하지 않아요
desc-moderation-blocklist-remove-pattern = 단어, 문구 또는 정규식
desc-moderation-blocklist-remove-regex = 패턴을 정규식으로 처리
desc-moderation-blocklist-list = 금지어 목록을 보여 줘요
desc-moderation-history = 멤버(또는 전체)의 최근 작업과 처리 결과
desc-moderation-history-user = 멤버
desc-moderation-history-page = 페이지 번호
desc-moderation-unblock = 멤버의 차단이나 일시 정지를 해제해요
desc-moderation-unblock-user = 멤버
desc-request = 커뮤니티에 이미지를 요청해요: 관리자가 승인하면 서버 예산으로 만들어요
desc-request-prompt = 원하는 이미지를 설명해 주세요
desc-request-reference = 참고할 이미지
desc-request-note = 관리자에게 남길 메모
desc-requests = 커뮤니티 요청 게시판
desc-requests-list = 열려 있는 요청
desc-requests-list-sort = 정렬 순서
desc-requests-channel = 요청 카드를 게시할 채널 (서버 관리하기 권한)
desc-requests-channel-channel = 요청 채널
desc-requests-gallery = 승인된 결과를 게시할 채널 (서버 관리하기 권한)
desc-requests-gallery-channel = 갤러리 채널
desc-requests-moderators = 요청을 승인하고 거절할 수 있는 역할 (서버 관리하기 권한)
desc-requests-moderators-role = 역할
desc-requests-policy = 먼저 승인이 필요한 요청을 정해요 (서버 관리하기 권한)
desc-requests-policy-mode = 승인이 필요한 대상
desc-requests-policy-role = `지정한 역할이 없는 멤버`를 고른 경우의 기준 역할
desc-requests-policy-usd = `일정 비용을 넘는 요청`을 고른 경우의 기준 금액 (미국 달러)
desc-settings-language = Easel이 답할 언어 (기본값: 내 Discord 언어)
desc-settings-draft = 따로 지정하지 않으면 /생성 이미지를 저렴한 초안으로 만들어요
desc-hd-style = 저장한 스타일이나 모델의 스타일 (입력하면 보여요)
desc-style = 저장한 스타일: 이름을 스타일로 고르면 그 말이 프롬프트에 더해져요
desc-style-save = 말을 이름으로 저장해요
desc-style-save-name = 스타일 이름
desc-style-save-text = 프롬프트에 더할 말
desc-style-save-scope = 나만, 또는 서버의 모두를 위해 (관리자)
desc-style-save-reference = 스타일이 따르는 이미지(참고 이미지를 받는 모델)
desc-style-list = 내 스타일과 서버의 스타일
desc-style-delete = 스타일을 삭제해요
desc-style-delete-name = 스타일 이름
desc-style-delete-scope = 나만, 또는 서버의 모두를 위해 (관리자)
name-language = 언어

# 메시지 명령어: 메시지의 앱 메뉴에 표시되는 이름이에요 (단어, 대문자, 공백을 쓸 수 있고
# 최대 32자예요).
menu-edit-with-easel = Easel로 편집
menu-vary-with-easel = Easel로 변형
menu-describe-with-easel = Easel로 프롬프트 추출

# 고정 선택지 (모델 이름, 크기, 품질은 그대로 둬요).
choice-mine = 나만
choice-server = 서버
choice-most-votes = 투표 많은 순
choice-oldest = 오래된 순
choice-nobody-off = 없음 (끄기)
choice-everyone = 모든 멤버
choice-members-without-a-role = 지정한 역할이 없는 멤버
choice-requests-over-a-cost = 일정 비용을 넘는 요청
choice-my-discord-language = 내 Discord 언어
