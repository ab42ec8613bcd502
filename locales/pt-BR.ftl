# As mensagens do Easel em português do Brasil (pt-BR), traduzidas de en-US.ftl. Uma mensagem que
# falte aqui aparece em inglês.
#
# Glossário (termos fixos do Easel; cada um tem uma só tradução em todo o arquivo):
#   job: tarefa (um pedido de imagem que o Easel executa; aparece como "Tarefa 123").
#   queue: fila (as tarefas aguardando um modelo).
#   budget: orçamento (o dinheiro que um servidor, um membro ou o bot pode gastar com imagens).
#   limit: limite (uma regra do servidor: intervalo entre pedidos, imagens por dia, orçamentos).
#   block: bloqueio (um moderador impede um membro de usar o Easel; verbo: bloquear).
#   pause: pausa (o Easel suspende um membro após recusas repetidas; particípio: pausado).
#   blocklist: lista de bloqueio (palavras e padrões que o servidor recusa nos prompts).
#   moderation log: registro de moderação (o canal em que o Easel registra cada tarefa).
#   community request: pedido da comunidade (um membro pede que o servidor pague uma imagem).
#   gallery: galeria (o canal em que os pedidos da comunidade aprovados são publicados).
#   Re-roll, Vary, HD, Edit, Delete: Refazer, Variar, HD, Editar, Excluir (os botões de um resultado).
#   prompt: prompt (o texto que descreve a imagem).
#   model: modelo (o serviço de imagens que desenha).
#   server: servidor (o servidor do Discord).
#   moderator: moderador.
#
# As variáveis entre { $chaves } são preenchidas pelo Easel; mantenha todas. A formatação do Discord
# (`código`, **negrito**, -# texto pequeno) fica como está. Uma linha de mensagem com várias linhas
# não pode começar com [, * ou . (regra do Fluent).

## Comum

job-footnote = -# Tarefa { $job }
not-charged = Nada foi cobrado de você.
list-none = nenhum
generic-failure = Algo deu errado do meu lado. Tente novamente.
servers-only = O Easel funciona em servidores, onde valem os limites e os moderadores de cada servidor. Use-o em um canal de servidor.
not-enabled = O Easel não está ativado neste servidor. Quem escolhe os servidores em que ele funciona é o dono do bot.
choose-subcommand = Escolha um subcomando.
unknown-subcommand = Subcomando desconhecido.
choose-channel = Escolha um canal.
choose-member-to-block = Escolha o membro que você quer bloquear.
choose-member-to-unblock = Escolha o membro que você quer desbloquear.

## Por que uma tarefa não gerou imagem

refusal-category-sexual = conteúdo sexual
refusal-category-self-harm = automutilação
refusal-category-violence = violência
refusal-category-hate = ódio ou assédio
refusal-category-illegal = atividade ilegal
refusal-category-real-people = pessoas reais ou obras protegidas
refusal-category-unnamed = as regras de segurança do provedor

failure-queue-full-server = O Easel está ocupado: a fila de pedidos de imagem deste servidor está cheia. Tente novamente em alguns minutos; nada foi cobrado.
failure-queue-full-bot = O Easel está muito ocupado agora: a fila de pedidos de imagem está cheia. Tente novamente em alguns minutos; nada foi cobrado.
failure-restarting = O Easel está reiniciando agora. Peça de novo daqui a um minuto; nada foi cobrado.
failure-blocked-until = Você não pode usar o Easel neste servidor no momento. O bloqueio termina { $when }; um moderador pode retirá-lo antes.
failure-blocked = Você não pode usar o Easel neste servidor até que um moderador retire seu bloqueio.
failure-blocked-until-personal = Você não pode usar o Easel no momento: você está bloqueado ou pausado no servidor principal dele. O bloqueio termina { $when }; os moderadores podem retirá-lo antes.
failure-blocked-personal = Você não pode usar o Easel até que os moderadores do servidor principal dele retirem seu bloqueio.
failure-result-unusable = O serviço de imagens devolveu uma imagem que não consegui ler (danificada, incompleta ou grande demais), então não há nada para entregar. Tente novamente; nada foi cobrado.
failure-provider-refused = O provedor de imagens recusou este pedido com base na política de conteúdo dele (motivo: { $category }). Reformule seu prompt; nada foi cobrado.
failure-rules = Este prompt viola as regras deste servidor para pedidos de imagem, então não foi enviado. Reformule-o; nada foi cobrado.
failure-rules-personal = Este prompt viola as regras que o dono do Easel definiu para pedidos de imagem, então não foi enviado. Reformule-o; nada foi cobrado.
failure-rules-flagged = Este prompt foi sinalizado pela verificação de moderação ({ $categories }), então não foi enviado. Reformule-o; nada foi cobrado.
failure-upload-flagged = A imagem que você enviou foi sinalizada pela verificação de moderação ({ $categories }), então não foi repassada ao modelo. Escolha outra imagem; nada foi cobrado.
failure-unavailable = O serviço de imagens não está respondendo agora (pode estar fora do ar ou reiniciando). Tente novamente mais tarde; nada foi cobrado.
failure-busy = O serviço de imagens está ocupado agora. Tente novamente daqui a um minuto; nada foi cobrado.
failure-timed-out = O serviço de imagens demorou demais para responder. Tente novamente; nada foi cobrado.
failure-stopped-on-server = O operador do servidor de imagens interrompeu esta execução, então não há imagem. Você pode pedir de novo; nada foi cobrado.
failure-model-retired-replaced = O modelo `{ $model }` foi descontinuado pelo provedor. Escolha `{ $replacement }` no lugar dele.
failure-model-retired = O modelo `{ $model }` foi descontinuado pelo provedor. Escolha outro modelo.
failure-misconfigured = O Easel não está configurado corretamente para este modelo, então não consigo gerar imagens agora. Quem administra o bot já foi avisado pelo log dele; nada foi cobrado.
failure-result-lost = A imagem foi gerada, mas o link dela expirou antes que eu conseguisse salvá-la. Tente novamente; nada foi cobrado.
failure-delivery = Sua imagem foi gerada, mas o Discord não aceitou o envio. Tente novamente; nada foi cobrado.
failure-translation = Não consegui traduzir seu prompt para o inglês para este modelo agora. Tente novamente ou escreva em inglês; nada foi cobrado.
failure-unexpected = Algo deu errado do meu lado. Tente novamente; nada foi cobrado.
failure-pause = Por causa de recusas repetidas, seu uso do Easel neste servidor está pausado. A pausa termina { $when }.
failure-pause-personal = Por causa de recusas repetidas, seu uso do Easel está pausado. A pausa termina { $when }.

source-untrusted-host = Só baixo imagens do próprio Discord, e esta veio de outro lugar. Anexe a imagem ao comando.
source-too-large = Sua imagem tem mais de { $megabytes } MB, o máximo que eu baixo. Anexe uma imagem menor.
source-longer-than-declared = O arquivo recebido é maior do que o envio anunciado pelo Discord, então parei de baixá-lo. Anexe a imagem novamente.
source-gone = O link da sua imagem expirou antes que eu conseguisse baixá-la. Anexe-a novamente.
source-kept-gone = A imagem guardada com esse estilo salvo não existe mais. Salve o estilo de novo com a imagem.
source-cut-short = O download da sua imagem do Discord foi interrompido. Tente novamente.
source-failed = Não consegui baixar sua imagem do Discord. Tente novamente daqui a pouco.
source-not-an-image = Esse arquivo não é uma imagem PNG, JPEG ou WebP. Anexe uma imagem em um desses formatos.
source-too-many-pixels = Sua imagem tem { $width }×{ $height } pixels; trabalho com imagens de até { $side } pixels de lado e { $megapixels } megapixels no total. Anexe uma imagem menor.
source-damaged = Seu arquivo parece uma imagem, mas está danificado ou incompleto, então não consegui lê-lo. Anexe-o novamente.
source-cannot-fit = Não consegui reduzir sua imagem o suficiente para este modelo. Anexe uma imagem menor.
source-encode = Algo deu errado ao preparar sua imagem para o modelo. Tente novamente.
source-mask-mismatch = Sua máscara tem { $mask } pixels, mas sua imagem tem { $image }. Desenhe a máscara sobre uma cópia da imagem, no mesmo tamanho (branco onde deve mudar, preto onde deve ficar igual).
source-markup-mismatch = Sua marcação tem { $mask } pixels, mas sua imagem tem { $image }. Desenhe a marcação sobre uma cópia da imagem, no mesmo tamanho.

## Um pedido que o catálogo não permite

invalid-unknown-model = `{ $model }` não é um modelo oferecido por este bot. Escolha um destes: { $offered }.
invalid-empty-prompt = Escreva um prompt descrevendo a imagem que você quer.
invalid-prompt-too-long = Seu prompt tem { $length } caracteres; `{ $model }` aceita no máximo { $max }.
invalid-not-allowed = `{ $model }` não oferece { $option } `{ $value }`. Opções permitidas: { $allowed }.
invalid-no-styles = `{ $model }` não aceita estilo; deixe a opção `estilo` de fora.
invalid-count = `{ $model }` gera de { $min } a { $max } imagens por pedido; você pediu { $count }.
invalid-variation-unsupported = `{ $model }` não gera variações. Modelos que geram: { $capable }.
invalid-missing-image = Anexe a imagem da qual você quer uma variação.
invalid-blend-unsupported = `{ $model }` não mescla imagens nem segue uma referência. Modelos que fazem isso: { $capable }.
invalid-blend-count = { $max ->
    [2] Anexe exatamente 2 imagens para mesclar (você anexou { $given }).
   *[other] Anexe de 2 a { $max } imagens para mesclar (você anexou { $given }).
}
invalid-edit-unsupported = `{ $model }` não edita imagens. Modelos que editam: { $capable }.
invalid-option-unsupported = `{ $model }` não aceita { $option }; deixe essa opção de fora ou escolha um modelo que aceite: { $capable }.
invalid-style-picture-unsupported = Esse estilo salvo tem uma imagem de referência que `{ $model }` não consegue usar. Escolha um modelo que consiga: { $capable }.
invalid-tuning-range = O valor de { $option } deve ficar entre { $min } e { $max }; escolha outro valor.
invalid-seed = A seed deve ser um número inteiro de -1 a 4294967295; você informou { $seed }.
invalid-styles = Informe de 1 a { $max } estilos, separados por vírgulas.
invalid-styles-unsupported = `{ $model }` não gera uma única imagem por estilo; escolha outro modelo para `/estilos`.
invalid-not-an-image = `{ $file }` não é uma imagem. Anexe uma imagem PNG, JPEG ou WebP.
invalid-image-too-large = `{ $file }` tem { $size } MB; a maior imagem que aceito tem { $max } MB.

# Como as opções de um pedido são chamadas nestas frases.
option-word-size = tamanho
option-word-quality = qualidade
option-word-style = estilo
option-word-steps = passos
option-word-cfg_scale = cfg_scale
option-word-sampler = sampler
option-word-markup = marcação
option-word-mask = máscara
option-word-reference = referência
option-word-tuning = passos, cfg_scale ou sampler

## Limites

limit-cooldown = Espere um pouco entre um pedido e outro: você pode pedir de novo { $when }.
limit-when-one-finishes = assim que um deles terminar
limit-in-flight = Você já atingiu o máximo de pedidos de imagem em andamento ao mesmo tempo ({ $limit }). Espere um deles terminar.
limit-images-per-day = Limite diário de imagens atingido: restam { $left } de { $limit } por 24 horas, e este pedido precisa de { $needed }. Mais imagens ficam disponíveis { $when }.
limit-user-usd = Seu orçamento diário está quase esgotado: restam { $left } de { $limit } por 24 horas, e este pedido custa cerca de { $needed }. Mais saldo fica disponível { $when }.
limit-guild-usd = O orçamento diário de imagens deste servidor está quase esgotado: restam { $left } de { $limit }, e este pedido custa cerca de { $needed }. Mais saldo fica disponível { $when }.
limit-personal-usd = Seu orçamento diário pessoal (para usar o Easel fora dos servidores que o instalaram) está quase esgotado: restam { $left } de { $limit } por 24 horas, e este pedido custa cerca de { $needed }. Mais saldo fica disponível { $when }.
limit-global-usd = O orçamento mensal do bot está quase esgotado: restam { $left }, e este pedido custa cerca de { $needed }. Ele é renovado { $when }.
limit-bad-value-whole = `{ $value }` não é um valor válido para `{ $limit }`: informe um número inteiro de { $min } a { $max } ({ $unit }) ou `none` para não ter limite.
limit-bad-value = `{ $value }` não é um valor válido para `{ $limit }`: informe um número de { $min } a { $max } ({ $unit }) ou `none` para não ter limite.
limit-unit-seconds = segundos
limit-unit-jobs = tarefas simultâneas
limit-unit-images = imagens
limit-unit-usd = dólares americanos
limit-none = sem limite
limit-seconds = { $seconds } s

## /uso

usage-heading = **Seu uso do Easel**
usage-label-cooldown = Intervalo entre pedidos
usage-label-in-flight = Imagens em andamento
usage-label-images = Imagens (24 h)
usage-label-user-usd = Seu orçamento (24 h)
usage-label-guild-usd = Orçamento do servidor (24 h)
usage-label-global-usd = Orçamento do bot (este mês)
usage-exempt = **{ $label }**: isento (Gerenciar servidor)
usage-cooldown-waiting = **{ $label }**: { $limit }, próximo pedido { $when }
usage-cooldown-ready = **{ $label }**: { $limit }, liberado agora
usage-unlimited = **{ $label }**: { $used } até agora, sem limite
usage-used = **{ $label }**: { $used } de { $limit } (restam { $left })
usage-cancelled = -# Inclui { $count ->
        [one] { $count } imagem que você cancelou depois que o modelo já tinha começado, contada
       *[other] { $count } imagens que você cancelou depois que o modelo já tinha começado, contadas
    } pelo valor estimado ({ $usd }): o provedor cobra a chamada assim que ela começa.
usage-latest-failure = Seu último pedido privado que não gerou imagem ({ $when }, tarefa { $job }): { $reason }

## A mensagem de uma tarefa enquanto aguarda ou é executada; cancelamento

progress-next = Próximo na fila de `{ $model }`.
progress-place = { $place }º lugar na fila de `{ $model }`.
progress-step = Gerando sua imagem com `{ $model }`: passo { $step } de { $steps }…
progress-running = Gerando sua imagem com `{ $model }`…
progress-cancelled-by = Cancelado por { $member }.
progress-backend-down = O serviço de imagens deste modelo não está respondendo agora. Seu pedido mantém o lugar na fila e será executado quando o serviço voltar; enquanto isso, você pode cancelá-lo.
button-cancel = Cancelar
cancel-nothing-charged = Nenhuma cobrança foi feita.
cancel-charged-estimate = O modelo já tinha começado, então o pedido conta para os limites pelo valor estimado ({ $estimate }).
cancel-done = Cancelado.
cancel-not-found = Não encontrei esse pedido.
cancel-not-yours = Só quem pediu esta imagem, ou um moderador, pode cancelá-la.
cancel-already-finished = Esse pedido já terminou, então não há nada para cancelar.
cancel-failed = Algo deu errado ao cancelar esse pedido. Tente novamente.
cancel-nothing-active = Você não tem nenhum pedido de imagem aguardando ou em andamento.
cancel-lookup-failed = Algo deu errado ao buscar seus pedidos. Tente novamente.

## Um resultado

result-title-generate = Sua imagem
result-title-hd = Sua imagem em HD
result-title-variation = Sua variação
result-title-edit = Sua edição
result-title-styles = Sua comparação de estilos
result-title-extend = Sua imagem expandida
result-title-blend = Sua mesclagem
result-title-describe = Prompts para sua imagem
result-describe-intro = Use um como está ou altere antes: cada botão abre /gerar com esse prompt.
result-variation-description = Uma variação da sua imagem
result-footer = Tarefa { $job } · /mostrar { $job }
result-cost-usage = { $cost } (pelo uso de tokens)
result-cost-catalogue = { $cost } (preço de catálogo)
result-ai-generated = Indicado nos metadados de cada arquivo
result-ready = { $member }, sua imagem está pronta.
result-fetched-again = Recuperado novamente da mensagem original no Discord.
result-gallery-credit = Pedido por { $requester } · aprovado por { $moderator }
field-revised-prompt = Prompt revisado
field-model = Modelo
field-size = Tamanho
field-quality = Qualidade
field-cost = Custo
field-ai-generated = Gerado por IA
field-requested-by = Pedido por
field-from = Origem
result-from = Tarefa { $job }
field-draft = Rascunho
result-draft = Feito em `{ $quality }`, a qualidade mais barata. O botão Aprimorar refaz em `{ $top }` por cerca de { $estimate }.
field-seeds = { $count ->
    [one] Seed
   *[other] Seeds
    }
field-parameters = Parâmetros
field-negative-prompt = Prompt negativo
field-styles = Estilos
field-prompt-sent = Prompt enviado ao modelo (em inglês)
button-reroll = Refazer
button-enhance = Aprimorar
button-pan-left = ⬅️ Expandir
button-pan-right = ➡️ Expandir
button-pan-up = ⬆️ Expandir
button-pan-down = ⬇️ Expandir
button-zoom-out = Diminuir zoom { $factor }×
button-edit = Editar
button-delete = Excluir
button-vary = Variar
button-vary-numbered = Variar { $number }
button-hd = HD
button-hd-numbered = HD { $number }
button-upscale-creative = Ampliar (criativo)
button-use-numbered = Usar { $number }
delete-not-yours = Só quem pediu esta imagem, ou um moderador, pode excluí-la.
delete-done = Mensagem excluída.
delete-failed = Não consegui excluir essa mensagem. Tente novamente daqui a pouco.
click-other-server = Esse resultado pertence a outro servidor, então os botões dele só funcionam lá.
click-private = Esse resultado é visível apenas para quem o pediu.
click-not-on-record = Não tenho mais o registro desse resultado, então os botões dele não funcionam. Peça novamente com `/gerar`.
edit-modal-title = Editar esta imagem
edit-modal-instruction = O que deve mudar?
edit-modal-placeholder = ex.: coloque um cachecol vermelho na raposa
edit-modal-which = Qual imagem (1 a { $count })?
generate-modal-title = Gerar
generate-modal-prompt = Prompt
menu-no-image = Esta mensagem não tem nenhuma imagem que o Easel possa usar. Escolha uma mensagem com uma imagem PNG, JPEG ou WebP.
menu-which-image = Qual imagem? Escolha uma:
menu-image-numbered = Imagem { $number }
menu-expired = Esta escolha expirou. Use novamente o menu Apps da mensagem.
edit-which-number = Informe o número da imagem, como 1 ou 2.
edit-no-such-image = Não encontrei a imagem { $number } nessa mensagem.

## /mostrar

show-unknown = Não tenho registro da tarefa de imagem `{ $job }`.
show-not-yours = Só quem pediu esta imagem, ou um moderador, pode mostrá-la de novo.
show-not-delivered = Essa tarefa não foi entregue (situação: { $state }), então não há nada para mostrar.
show-gone = As imagens dessa tarefa não estão mais guardadas, e não sei onde foram publicadas.
show-private = Esse resultado é privado.
show-deleted = Esse resultado foi excluído do Discord e as imagens dele não estão mais guardadas, então não consigo mostrá-lo.
show-unreachable = Não consegui acessar a mensagem desse resultado no Discord agora. Tente novamente.
show-download-failed = Não consegui baixar as imagens desse resultado do Discord agora. Tente novamente.
show-unreadable = As imagens desse resultado não podem mais ser lidas.
show-emptied = A mensagem desse resultado não contém mais as imagens, então não consigo mostrá-lo.
job-state-queued = na fila
job-state-running = em execução
job-state-delivered = entregue
job-state-failed = com falha
job-state-cancelled = cancelada

## /preferências

settings-heading = **Suas preferências**
settings-saved = Salvo. Suas preferências agora são:
settings-cleared = Suas preferências foram apagadas.
settings-read-failed = Não consegui ler suas preferências agora. Tente novamente.
settings-save-failed = Não consegui salvar suas preferências agora. Tente novamente.
settings-model = Modelo: { $value }
settings-size = Tamanho: { $value }
settings-quality = Qualidade: { $value }
settings-style = Estilo: { $value }
settings-suffix = Sufixo do prompt: { $value }
settings-language = Idioma: { $value }
settings-drafts-on = Rascunhos: ativados (/gerar cria rascunhos baratos com um botão Aprimorar)
settings-drafts-off = Rascunhos: desativados
style-saved = Estilo `{ $name }` salvo. Escolha-o como estilo do /gerar para adicionar as palavras dele a um prompt.
style-saved-with-picture = Estilo `{ $name }` salvo com a imagem de referência. Escolha-o como estilo do /gerar para adicionar as palavras e a imagem dele a um prompt (nos modelos que aceitam referência).
style-deleted = Estilo `{ $name }` excluído.
style-not-found = Não existe o estilo `{ $name }`.
style-bad-name = O nome de um estilo deve ter de 1 a { $max } letras, números, espaços, - ou _.
style-bad-text = As palavras de um estilo devem ter de 1 a { $max } caracteres.
style-too-many = Você pode manter no máximo { $max } estilos; exclua um primeiro.
style-moderators-only = Só os moderadores do servidor podem salvar ou excluir os estilos dele.
style-refused = Estas palavras violam as regras deste servidor para pedidos de imagem, então o estilo não foi salvo. Reformule-as.
style-refused-personal = Estas palavras violam as regras que o dono do Easel definiu para pedidos de imagem, então o estilo não foi salvo. Reformule-as.
style-list-mine = **Seus estilos**
style-list-server = **Os estilos deste servidor**
style-list-picture = com imagem de referência
settings-results-private = Resultados: visíveis só para você
settings-results-public = Resultados: publicados para todos
settings-server-default = o padrão do servidor (`{ $model }`)
settings-model-default = o padrão do modelo
settings-discord-language = o idioma do seu Discord ({ $language })
settings-unknown-model = `{ $model }` não é um modelo oferecido por este bot; veja a lista em `/ajuda`.
settings-not-offered = `{ $model }` não oferece { $option } `{ $value }`.
settings-suffix-too-long = Seu sufixo de prompt tem { $length } caracteres; o máximo é { $max }.
settings-retired-default = Seu modelo padrão salvo, `{ $old }`, foi descontinuado, então `{ $replacement }` fica no lugar dele (já salvo como seu padrão; para mudar, use `/preferências`).

## /ajuda

help-title = Easel: criando imagens juntos
help-formula-rule = **Tema + ação ou estado + estilo + ambiente + detalhes + termos de qualidade.**
help-formula-explain = Diga o que aparece na imagem, o que está acontecendo, em que estilo, onde, os detalhes que importam e o nível de acabamento que você quer.
help-example-one = **Exemplo 1**: uma raposa vermelha · dormindo enrolada · aquarela · em uma floresta de bétulas coberta de neve · luz suave da manhã · altamente detalhada
help-example-one-command = `/gerar prompt: Uma raposa vermelha dormindo enrolada, aquarela, em uma floresta de bétulas coberta de neve, luz suave da manhã, altamente detalhada`
help-example-two = **Exemplo 2**: um faroleiro · lendo à luz de um lampião · pintura a óleo · dentro de uma torre de pedra durante uma tempestade · chuva na janela, brilho aconchegante · obra-prima, foco nítido
help-example-two-command = `/gerar prompt: Um faroleiro lendo à luz de um lampião, pintura a óleo, dentro de uma torre de pedra durante uma tempestade, chuva na janela, brilho aconchegante, obra-prima, foco nítido`
help-styles-tip = Não sabe qual estilo usar? `/estilos tema: um farol ao entardecer` mostra o mesmo tema em quatro estilos, lado a lado.
help-commands =
    `/gerar` transforma um prompt em imagens · `/hd` faz o mesmo na qualidade máxima do modelo
    `/variar` cria uma nova versão de uma imagem sua · `/editar` altera uma imagem enviada (uma máscara limita onde)
    `/estilos` mostra um tema em até 4 estilos · `/mostrar` publica um resultado de novo, com os botões
    `/preferências` seus padrões · `/uso` o que você já usou · `/cancelar` seu pedido em espera
    Botões abaixo de um resultado: Refazer, Variar, HD, Editar, Excluir.
    Moderadores: `/moderação` · Quem gerencia o servidor: `/limites`
help-describe = `/descrever` transforma uma imagem em prompts que você pode usar (ou, em uma mensagem: Apps → Descrever com o Easel)
help-blend = `/mesclar` junta de 2 a 5 imagens em uma só
help-reference = `/gerar referência:` uma imagem para seguir fielmente
help-menus = Em uma mensagem com imagem, no menu Apps dela: Editar com o Easel, Variar com o Easel
help-studio = `/estilo salvar` palavras (e uma imagem) com um nome para escolher como `estilo` · `rascunho:true` uma primeira tentativa barata, depois Aprimorar · Sob uma única imagem: ⬅️➡️⬆️⬇️ Expandir, Diminuir zoom 1,5× ou 2×, Ampliar (criativo)
help-section-commands = Comandos
help-section-studio = Estúdio
help-section-models = Modelos disponíveis aqui (preço de uma imagem no tamanho e na qualidade padrão)
help-section-limits = Seus limites
help-limits-none = Nenhum definido.
help-model = `{ $model }`: { $price }
help-model-default = `{ $model }` (padrão): { $price }
help-model-free = hospedagem própria, sem custo
help-model-translates = prompts em qualquer idioma são traduzidos para o inglês
help-model-english-only = entende prompts apenas em inglês

## Moderadores e quem gerencia o servidor: /limites, /moderação

admin-log-channel = O registro de moderação do Easel agora vai para { $channel }.
admin-rule-added = Adicionei a { $kind } `{ $pattern }` à lista de bloqueio. Prompts que correspondem a ela são recusados antes de qualquer chamada a um modelo.
admin-rule-exists = A { $kind } `{ $pattern }` já estava na lista de bloqueio.
admin-rule-removed = Removi a { $kind } `{ $pattern }` da lista de bloqueio.
admin-rule-missing = A { $kind } `{ $pattern }` não estava na lista de bloqueio.
admin-limit-set = `{ $limit }` para { $whom } agora é { $value }.
admin-reset-server = { $count ->
    [0] Não havia configurações para redefinir neste servidor; os padrões já valem.
    [one] Redefini { $count } configuração deste servidor (todas elas); os padrões voltam a valer.
   *[other] Redefini { $count } configurações deste servidor (todas elas); os padrões voltam a valer.
    }
admin-reset = { $count ->
    [0] Não havia configurações para redefinir para { $whom }; os padrões já valem.
    [one] Redefini { $count } configuração para { $whom }; os padrões voltam a valer.
   *[other] Redefini { $count } configurações para { $whom }; os padrões voltam a valer.
    }
admin-blocked-until = Bloqueio aplicado: { $member } não pode usar o Easel aqui; o bloqueio termina { $when }.
admin-blocked = Bloqueio aplicado: { $member } não pode usar o Easel aqui até que o bloqueio seja retirado.
admin-unblocked = { $member } pode usar o Easel aqui novamente.
admin-not-blocked = { $member } não tinha nenhum bloqueio.
admin-not-manager = Só membros com a permissão Gerenciar servidor podem { $action }.
admin-not-moderator = Só os moderadores deste servidor (permissão Gerenciar mensagens, Castigar membros ou Gerenciar servidor) podem { $action }.
admin-pattern-length = Uma entrada da lista de bloqueio deve ter de 1 a 200 caracteres.
admin-pattern-no-letter = Uma palavra bloqueada precisa ter pelo menos uma letra ou um dígito.
admin-pattern-regex = Essa expressão regular não compila: { $why }
admin-not-in-server = Limites pertencem a um servidor: use este comando em um servidor.
admin-unknown-limit = `{ $limit }` não é um limite que um servidor pode definir.
admin-server-only = `{ $limit }` é o orçamento do próprio servidor: defina-o sem informar um membro ou cargo.
admin-above-owner-cap = O dono do bot limita o orçamento diário de cada servidor a { $max }: escolha um valor entre 0 e esse teto.
admin-bad-hours = Um bloqueio dura mais de 0 e no máximo { $max } horas (um ano); deixe `horas` de fora para bloquear até que o bloqueio seja retirado.
admin-no-reason = nenhum motivo informado
admin-block-reason = { $reason } (por { $moderator })
admin-store-failed = Algo deu errado ao salvar isso; nada foi alterado.
action-choose-log-channel = escolher o canal do registro de moderação do Easel
action-change-blocklist = alterar a lista de bloqueio
action-read-blocklist = ver a lista de bloqueio
action-read-history = ver o histórico de tarefas do Easel
action-see-limits = ver os limites do Easel
action-change-limits = alterar os limites do Easel
action-block-members = bloquear membros no Easel
action-lift-block = retirar um bloqueio
rule-kind-word = palavra
rule-kind-regex = regex
whom-server = este servidor
whom-role = membros com { $role }
blocklist-empty = A lista de bloqueio está vazia.
blocklist-heading = **Lista de bloqueio** ({ $count ->
        [one] { $count } regra
       *[other] { $count } regras
    })
limits-heading-server = **Limites deste servidor**
limits-heading-member = **Limites de { $member }**
limits-role-tiers = Níveis por cargo: { $tiers }
limits-blocked-until = Bloqueio (termina { $when }): { $reason }
limits-blocked = Bloqueio (até ser retirado): { $reason }
limits-managers-exempt = Membros com Gerenciar servidor estão isentos dos limites por membro.
limits-managers-held = Membros com Gerenciar servidor também seguem os limites por membro.
history-empty-server = Nenhuma tarefa na página { $page } de { $pages } deste servidor.
history-empty-member = Nenhuma tarefa na página { $page } de { $pages } de { $member }.
history-heading-server = **Tarefas do Easel neste servidor**: página { $page } de { $pages } ({ $total } no total)
history-heading-member = **Tarefas do Easel de { $member }**: página { $page } de { $pages } ({ $total } no total)
history-line = { $time } { $member } /{ $command } { $model } · **{ $outcome }**{ $reason } · { $cost } · “{ $prompt }”{ $link } · tarefa { $job }{ $from }
history-result = resultado
history-newer = ◀ Mais recentes
history-older = Mais antigas ▶
report-moderators-only = Só moderadores podem ver os gastos do servidor.
report-read-failed = Não consegui ler os gastos do servidor agora. Tente novamente.
report-heading = **Gastos com imagens deste servidor { $days ->
        [one] no último dia
       *[other] nos últimos { $days } dias
    }**: { $usd } em { $images ->
        [0] nenhuma imagem
        [one] { $images } imagem
       *[other] { $images } imagens
    }.
report-failed = Gasto em tarefas com falha (o modelo respondeu, mas nada pôde ser entregue; nenhum membro foi cobrado): { $usd }.
report-top = **Quem mais pediu**
report-community = pedidos da comunidade
report-line = { $rank }. { $who }: { $usd }, { $images ->
        [0] nenhuma imagem
        [one] { $images } imagem
       *[other] { $images } imagens
    }

## O registro de moderação

outcome-delivered = entregue
outcome-refused-by-provider = recusada pelo provedor
outcome-refused-by-rules = recusada pelas regras do servidor
outcome-failed = com falha
log-title = /{ $command }: { $outcome }
log-jump = Ir para a imagem
log-footer = Tarefa { $job }
log-cancelled-by = Cancelado por { $member }
field-requester = Solicitante
field-channel = Canal
field-result = Resultado
field-command = Comando
field-outcome = Desfecho
field-reason = Motivo
notice-model-retired = **Modelo descontinuado**: `{ $model }` não está mais disponível, então deixou de ser oferecido. Os pedidos para ele passam a usar `{ $replacement }`.
notice-model-retiring-tomorrow = **Modelo será descontinuado**: `{ $model }` será desativado em { $date } (amanhã).
notice-model-retiring = **Modelo será descontinuado**: `{ $model }` será desativado em { $date } ({ $days ->
        [one] daqui a { $days } dia
       *[other] daqui a { $days } dias
    }).
notice-move-to = Mude para `{ $replacement }` (os membros já podem escolhê-lo).
spend-server-used-up = **Alerta de gastos**: o orçamento diário de imagens deste servidor se esgotou: { $spent } de { $budget } gastos nas últimas 24 horas ({ $percent }%). Novos pedidos serão recusados até que haja saldo de novo.
spend-server-passed = **Alerta de gastos**: o orçamento diário de imagens deste servidor passou de { $percent }%: { $spent } de { $budget } gastos nas últimas 24 horas.
spend-bot-used-up = **Alerta de gastos**: o orçamento mensal de imagens do bot se esgotou: { $spent } de { $budget } gastos neste mês ({ $percent }%). Novos pedidos serão recusados até que haja saldo de novo.
spend-bot-passed = **Alerta de gastos**: o orçamento mensal de imagens do bot passou de { $percent }%: { $spent } de { $budget } gastos neste mês.

## Pedidos da comunidade

desk-posted = Seu pedido foi publicado em { $channel } para a aprovação dos moderadores; você receberá a resposta por mensagem direta. Lá, os membros podem votar nele.
desk-approved = Aprovado. A imagem está sendo gerada com o orçamento do servidor e será publicada.
desk-approved-in = Aprovado. A imagem está sendo gerada com o orçamento do servidor e será publicada em { $gallery }.
desk-denied = Recusado; quem pediu já foi informado do motivo.
desk-denied-to-requester = Seu pedido “{ $prompt }” não foi aprovado pelos moderadores. Motivo: { $reason }
desk-delivered-to-requester = Seu pedido “{ $prompt }” foi aprovado por { $moderator }, e a imagem está na galeria: { $link }
desk-outside-servers = Os pedidos funcionam apenas em servidores.
desk-no-channel = Este servidor ainda não tem um canal de pedidos: um moderador pode escolher um com `/pedidos canal`.
desk-too-many-open = { $count ->
    [one] Você já tem { $count } pedido em aberto aqui, o máximo permitido ao mesmo tempo. Espere os moderadores decidirem sobre ele.
   *[other] Você já tem { $count } pedidos em aberto aqui, o máximo permitido ao mesmo tempo. Espere os moderadores decidirem sobre um deles.
    }
desk-starting = O Easel ainda está iniciando. Tente novamente daqui a pouco.
desk-cannot-post = Não consegui publicar em { $channel }: peça a um moderador que me permita enviar mensagens lá.
desk-no-such-request = Não tenho registro desse pedido.
desk-own-request = Você não pode votar no seu próprio pedido.
desk-voter-blocked = Você não pode votar enquanto seu acesso ao Easel estiver bloqueado aqui.
desk-already-voted = Você já votou neste pedido.
desk-decided = Este pedido já foi decidido.
desk-not-started = Não consegui iniciá-lo, então o pedido continua em aberto: { $why }
desk-not-decider = Só moderadores (com Gerenciar mensagens ou com o cargo de moderador de pedidos do servidor) podem aprovar ou recusar pedidos.
desk-not-saved = Não consegui salvar isso agora. Tente novamente.
desk-no-open = Não há pedidos em aberto.
desk-managers-only = Só membros que podem gerenciar o servidor podem alterar o quadro de pedidos.
desk-channel-set = Os cartões de pedido serão publicados em { $channel }.
desk-gallery-set = Os resultados aprovados serão publicados em { $channel }.
desk-moderators-set = Membros com { $role } podem aprovar e recusar pedidos.
desk-need-role = Informe o `cargo` cujos membros não precisam de aprovação.
desk-need-cost = Informe o custo (`usd`, de 0 a 1000) acima do qual os pedidos precisam de aprovação.
desk-need-channel = Primeiro escolha um canal de pedidos com `/pedidos canal`.
desk-policy-off = Os pedidos não precisam mais de aprovação: as imagens dos membros usam o orçamento de cada um.
desk-policy-everyone = Agora o pedido de qualquer membro precisa da aprovação de um moderador.
desk-policy-without-role = Agora os pedidos de membros sem { $role } precisam da aprovação de um moderador.
desk-policy-over-cost = Agora os pedidos com custo estimado acima de { $usd } precisam da aprovação de um moderador.
desk-list-heading = **Pedidos em aberto**
desk-list-line = { $rank }. **{ $prompt }** de { $member } · { $votes ->
        [0] nenhum voto
        [one] { $votes } voto
       *[other] { $votes } votos
    } · ~{ $usd } · { $when }{ $link }
card-title = Pedido da comunidade
card-waiting = Aguardando um moderador
card-approved-by = Aprovado por { $moderator }
card-denied-by = Recusado por { $moderator }: { $reason }
card-estimated-cost = Custo estimado
card-votes = Votos
card-status = Situação
card-note = Observação
card-footer = Pedido { $request }
card-approve = Aprovar
card-deny = Recusar
card-vote = Votar ({ $votes })
deny-modal-title = Recusar este pedido
deny-modal-reason = Por quê? (quem pediu será informado)

## Os comandos como o Discord os lista (nomes: minúsculas, sem espaços, no máximo 32 caracteres;
## descrições: no máximo 100 caracteres). Os nomes de opção valem para todo comando que as tenha.

name-add = adicionar
name-block = bloquear
name-blocklist = lista-de-bloqueio
name-cancel = cancelar
name-cfg_scale = cfg_scale
name-channel = canal
name-edit = editar
name-gallery = galeria
name-generate = gerar
name-hd = hd
name-help = ajuda
name-history = histórico
name-hours = horas
name-image = imagem
name-job = tarefa
name-limit = limite
name-limits = limites
name-list = listar
name-log-channel = canal-de-registro
name-markup = marcação
name-mask = máscara
name-mode = modo
name-model = modelo
name-moderation = moderação
name-moderators = moderadores
name-n = quantidade
name-negative_prompt = prompt_negativo
name-note = observação
name-page = página
name-pattern = padrão
name-policy = política
name-prompt = prompt
name-public = público
name-quality = qualidade
name-reason = motivo
name-reference = referência
name-name = nome
name-text = texto
name-scope = alcance
name-save = salvar
name-delete = excluir
name-regex = regex
name-remove = remover
name-request = pedir
name-requests = pedidos
name-reset = redefinir
name-role = cargo
name-sampler = sampler
name-seed = seed
name-server = servidor
name-set = definir
name-settings = preferências
name-show = mostrar
name-size = tamanho
name-sort = ordem
name-steps = passos
name-style = estilo
name-styles = estilos
name-describe = descrever
name-draft = rascunho
name-blend = mesclar
name-image1 = imagem1
name-image2 = imagem2
name-image3 = imagem3
name-image4 = imagem4
name-image5 = imagem5
name-subject = tema
name-suffix = sufixo
name-unblock = desbloquear
name-usage = uso
name-usd = usd
name-user = membro
name-value = valor
name-variation = variar

desc-generate = Transforme um prompt em imagem
desc-generate-prompt = Descreva a imagem que você quer
desc-generate-model = Qual modelo vai desenhar
desc-generate-size = Tamanho da imagem
desc-generate-quality = Nível de qualidade (quanto maior, mais caro)
desc-generate-style = Um estilo que você salvou, ou o do modelo (digite para vê-los)
desc-generate-n = Quantas imagens
desc-generate-draft = Primeiro um rascunho barato (a menor qualidade do modelo); Aprimorar refaz na qualidade máxima
desc-generate-reference = Imagem de uma pessoa, objeto ou produto para seguir fielmente, para os modelos que aceitam
desc-generate-seed = Seed, para reproduzir um resultado (Stable Diffusion)
desc-generate-steps = Passos de amostragem (Stable Diffusion)
desc-generate-cfg_scale = Quão fielmente a imagem segue o prompt
desc-generate-sampler = Sampler (Stable Diffusion)
desc-generate-negative_prompt = O que a imagem não deve mostrar
desc-hd = Transforme um prompt em imagem na qualidade máxima do modelo
desc-hd-prompt = Descreva a imagem que você quer
desc-hd-model = Qual modelo vai desenhar
desc-hd-size = Tamanho da imagem
desc-variation = Crie uma nova versão de uma imagem que você enviar
desc-variation-image = Uma imagem PNG, JPEG ou WebP
desc-variation-prompt = O que mudar (opcional)
desc-variation-model = Qual modelo vai criar a variação
desc-variation-n = Quantas imagens
desc-cancel = Cancele seu último pedido de imagem em espera ou em andamento
desc-styles = Veja um mesmo tema em até 4 estilos, lado a lado
desc-styles-subject = O que desenhar, ex.: um farol ao entardecer
desc-styles-styles = Até 4 estilos, separados por vírgulas (padrão: fotorrealista, pintura a óleo, aquarela, cyberpunk)
desc-styles-model = Qual modelo vai desenhar
desc-styles-size = Tamanho da imagem
desc-describe = Transforme uma imagem em prompts que você pode usar
desc-describe-image = Uma imagem PNG, JPEG ou WebP
desc-describe-model = Qual modelo vai descrever
desc-blend = Mescle em uma só de 2 a 5 imagens que você enviar
desc-blend-image1 = A primeira imagem
desc-blend-image2 = A segunda imagem
desc-blend-image3 = Uma terceira imagem
desc-blend-image4 = Uma quarta imagem
desc-blend-image5 = Uma quinta imagem
desc-blend-prompt = Como mesclá-las (opcional)
desc-blend-model = Qual modelo vai mesclar
desc-blend-n = Quantas imagens
desc-edit = Altere uma imagem que você enviar, inteira ou só onde uma máscara indicar
desc-edit-image = Uma imagem PNG, JPEG ou WebP
desc-edit-prompt = O que mudar
desc-edit-mask = Mesmo tamanho da imagem: branco onde deve mudar, preto onde deve ficar igual
desc-edit-markup = Sua instrução desenhada sobre uma cópia da imagem (modelos que aceitam marcação)
desc-edit-model = Qual modelo vai editar
desc-edit-n = Quantas imagens
desc-show = Publique de novo um dos seus resultados, com os botões
desc-show-job = O número da tarefa abaixo do resultado
desc-settings = Seus padrões para /gerar (sem opções: mostra os atuais)
desc-settings-model = Seu modelo padrão
desc-settings-size = Seu tamanho padrão
desc-settings-quality = Sua qualidade padrão
desc-settings-style = Seu estilo padrão
desc-settings-suffix = Palavras adicionadas ao fim de todo prompt (vazio: nenhuma)
desc-settings-public = Publicar os resultados para todos (true) ou mostrá-los só para você (false)
desc-settings-reset = Apagar todos os seus padrões
desc-help = Como escrever prompts, todos os comandos, modelos e preços, seus limites
desc-usage = O que você já usou hoje e o que ainda resta
desc-usage-server = Moderadores: gastos diários do servidor nos últimos 30 dias e quem mais pediu
desc-limits = Veja ou altere os limites do Easel neste servidor
desc-limits-show = Mostrar os limites do servidor ou de um membro
desc-limits-show-user = Um membro
desc-limits-set = Definir um limite para o servidor, um nível de cargo ou um membro
desc-limits-set-limit = Qual limite
desc-limits-set-value = Um número, ou `none` para não ter limite
desc-limits-set-user = Um membro
desc-limits-set-role = Um cargo (um nível de limites)
desc-limits-reset = Voltar aos padrões do servidor, de um cargo ou de um membro
desc-limits-reset-user = Um membro
desc-limits-reset-role = Um cargo (um nível de limites)
desc-limits-block = Impedir um membro de usar o Easel aqui
desc-limits-block-user = Um membro
desc-limits-block-hours = Por quanto tempo, até um ano (padrão: até o bloqueio ser retirado)
desc-limits-block-reason = Motivo, para os moderadores
desc-limits-unblock = Deixar um membro bloqueado usar o Easel de novo
desc-limits-unblock-user = Um membro
desc-moderation = Ferramentas de moderação do Easel
desc-moderation-log-channel = Onde o Easel registra cada tarefa
desc-moderation-log-channel-channel = Um canal de texto
desc-moderation-blocklist = Palavras e padrões recusados
desc-moderation-blocklist-add = Recusar prompts com esta palavra ou padrão
desc-moderation-blocklist-add-pattern = Uma palavra, frase ou regex
desc-moderation-blocklist-add-regex = Tratar o padrão como expressão regular
desc-moderation-blocklist-remove = Parar de recusar esta palavra ou padrão
desc-moderation-blocklist-remove-pattern = Uma palavra, frase ou regex
desc-moderation-blocklist-remove-regex = Tratar o padrão como expressão regular
desc-moderation-blocklist-list = Mostrar a lista de bloqueio
desc-moderation-history = Últimas tarefas de um membro (ou de todos), com os desfechos
desc-moderation-history-user = Um membro
desc-moderation-history-page = Número da página
desc-moderation-unblock = Retirar o bloqueio ou a pausa de um membro
desc-moderation-unblock-user = Um membro
desc-request = Peça uma imagem à comunidade: os moderadores aprovam e o servidor paga
desc-request-prompt = Descreva a imagem que você quer
desc-request-reference = Uma imagem de referência
desc-request-note = Uma observação para os moderadores
desc-requests = O quadro de pedidos da comunidade
desc-requests-list = Os pedidos em aberto
desc-requests-list-sort = Ordem
desc-requests-channel = Onde os cartões de pedido são publicados (Gerenciar servidor)
desc-requests-channel-channel = O canal de pedidos
desc-requests-gallery = Onde os resultados aprovados são publicados (Gerenciar servidor)
desc-requests-gallery-channel = O canal da galeria
desc-requests-moderators = Um cargo que pode aprovar e recusar pedidos (Gerenciar servidor)
desc-requests-moderators-role = O cargo
desc-requests-policy = Quais pedidos precisam de aprovação antes (Gerenciar servidor)
desc-requests-policy-mode = Quem precisa de aprovação
desc-requests-policy-role = Para `membros sem um cargo`
desc-requests-policy-usd = Para `pedidos acima de um custo`: valor em USD
desc-settings-language = O idioma em que o Easel responde a você (padrão: o idioma do seu Discord)
desc-settings-draft = Criar as imagens do /gerar como rascunhos baratos, salvo se você pedir outra coisa
desc-hd-style = Um estilo que você salvou, ou o do modelo (digite para vê-los)
desc-style = Seus estilos salvos: palavras adicionadas a um prompt ao escolher o nome como estilo
desc-style-save = Salvar palavras com um nome
desc-style-save-name = O nome do estilo
desc-style-save-text = As palavras que ele adiciona a um prompt
desc-style-save-scope = Só para você, ou para todo o servidor (moderadores)
desc-style-save-reference = Uma imagem que o estilo segue (modelos que aceitam referência)
desc-style-list = Seus estilos e os do servidor
desc-style-delete = Excluir um estilo
desc-style-delete-name = O nome do estilo
desc-style-delete-scope = Só para você, ou para todo o servidor (moderadores)
name-language = idioma

# Comandos de mensagem, como aparecem no menu Apps de uma mensagem (palavras, maiúsculas e espaços
# permitidos; no máximo 32 caracteres).
menu-edit-with-easel = Editar com o Easel
menu-vary-with-easel = Variar com o Easel
menu-describe-with-easel = Descrever com o Easel

# Escolhas fixas (nomes de modelos, tamanhos e qualidades ficam como estão).
choice-mine = meu
choice-server = servidor
choice-most-votes = mais votados
choice-oldest = mais antigos
choice-nobody-off = ninguém (desativado)
choice-everyone = todos
choice-members-without-a-role = membros sem um cargo
choice-requests-over-a-cost = pedidos acima de um custo
choice-my-discord-language = o idioma do meu Discord
