# Textos de Easel en español de España (es-ES): traducción del catálogo de mensajes en inglés (en-US.ftl).
# Si aquí falta algún mensaje, Easel muestra el texto en inglés.
#
# Glosario (términos fijos de Easel; cada uno se traduce siempre con la misma palabra):
#   job → tarea: cada petición de imagen que ejecuta Easel (lleva número: «Tarea 123»).
#   queue → cola: la fila de tareas que esperan a un modelo.
#   budget → presupuesto: el dinero que pueden gastar en imágenes un servidor, un miembro o el bot.
#   limit → límite: una regla que fija el servidor (tiempo de espera, imágenes al día, presupuestos).
#   block → bloqueo (bloquear): un moderador impide a un miembro usar Easel.
#   pause → pausa: Easel detiene a un miembro tras varios rechazos seguidos.
#   blocklist → lista de bloqueo: palabras y patrones que el servidor rechaza en los prompts.
#   moderation log → registro de moderación: el canal donde Easel anota cada tarea para los moderadores.
#   community request → solicitud (solicitud de la comunidad): un miembro pide al servidor que pague una
#     imagen y los moderadores la aprueban o la deniegan. Cualquier otra petición de imagen es una «petición».
#   gallery → galería: el canal donde se publican las solicitudes aprobadas.
#   Re-roll → Regenerar; Vary → Variar; HD → HD; Edit → Editar; Delete → Eliminar (botones bajo un resultado).
#   prompt → prompt: el texto que describe la imagen.
#   model → modelo: el servicio de imágenes que la dibuja.
#   server → servidor; moderator → moderador.
#
# Easel rellena las variables entre { $llaves }; hay que conservarlas todas (una prueba lo comprueba).
# El formato de Discord (`código`, **negrita**, -# letra pequeña) se mantiene tal cual. Una línea de un
# mensaje de varias líneas no puede empezar por [, * o . (reglas de Fluent).

## Común

job-footnote = -# Tarea { $job }
not-charged = No se te ha cobrado nada.
list-none = ninguno
generic-failure = Algo ha fallado por mi parte. Inténtalo de nuevo.
servers-only = Easel funciona en servidores, donde rigen los límites y los moderadores de cada uno. Úsalo en un canal de un servidor.
not-enabled = Easel no está activado en este servidor. El propietario del bot elige en qué servidores funciona.
choose-subcommand = Elige un subcomando.
unknown-subcommand = Subcomando desconocido.
choose-channel = Elige un canal.
choose-member-to-block = Elige al miembro que quieres bloquear.
choose-member-to-unblock = Elige al miembro que quieres desbloquear.

## Por qué una tarea no ha generado ninguna imagen

refusal-category-sexual = contenido sexual
refusal-category-self-harm = autolesiones
refusal-category-violence = violencia
refusal-category-hate = odio o acoso
refusal-category-illegal = actividades ilegales
refusal-category-real-people = personas reales u obras protegidas
refusal-category-unnamed = las normas de seguridad del proveedor

failure-queue-full-server = Easel está ocupado: la cola de peticiones de imágenes de este servidor está llena. Inténtalo de nuevo dentro de unos minutos; no se te ha cobrado nada.
failure-queue-full-bot = Easel está muy ocupado ahora mismo: su cola de peticiones de imágenes está llena. Inténtalo de nuevo dentro de unos minutos; no se te ha cobrado nada.
failure-restarting = Easel se está reiniciando. Vuelve a pedirlo dentro de un minuto; no se te ha cobrado nada.
failure-blocked-until = Ahora mismo no puedes usar Easel en este servidor. El bloqueo termina { $when }; un moderador puede levantarlo antes.
failure-blocked = No puedes usar Easel en este servidor hasta que un moderador levante tu bloqueo.
failure-blocked-until-personal = Ahora mismo no puedes usar Easel: estás bloqueado o en pausa en su servidor principal. El bloqueo termina { $when }; sus moderadores pueden levantarlo antes.
failure-blocked-personal = No puedes usar Easel hasta que los moderadores de su servidor principal levanten tu bloqueo.
failure-result-unusable = El servicio de imágenes ha devuelto una imagen que no he podido leer (dañada, incompleta o demasiado grande), así que no hay nada que entregar. Inténtalo de nuevo; no se te ha cobrado nada.
failure-provider-refused = El proveedor de imágenes ha rechazado esta petición según su política de contenido (motivo: { $category }). Reformula tu prompt; no se te ha cobrado nada.
failure-rules = Este prompt incumple las normas de este servidor para las peticiones de imágenes, así que no se ha enviado. Reformúlalo; no se te ha cobrado nada.
failure-rules-personal = Este prompt incumple las normas que el propietario de Easel ha fijado para las peticiones de imágenes, así que no se ha enviado. Reformúlalo; no se te ha cobrado nada.
failure-rules-flagged = El filtro de moderación ha marcado este prompt ({ $categories }), así que no se ha enviado. Reformúlalo; no se te ha cobrado nada.
failure-upload-flagged = El filtro de moderación ha marcado la imagen que has subido ({ $categories }), así que no se ha enviado. Elige otra imagen; no se te ha cobrado nada.
failure-unavailable = El servicio de imágenes no responde ahora mismo (puede que esté caído o reiniciándose). Inténtalo más tarde; no se te ha cobrado nada.
failure-busy = El servicio de imágenes está ocupado ahora mismo. Inténtalo de nuevo dentro de un minuto; no se te ha cobrado nada.
failure-timed-out = El servicio de imágenes ha tardado demasiado en responder. Inténtalo de nuevo; no se te ha cobrado nada.
failure-stopped-on-server = El operador del servidor de imágenes ha detenido esta ejecución, así que no hay imagen. Puedes volver a pedirla; no se te ha cobrado nada.
failure-model-retired-replaced = El proveedor ha retirado el modelo `{ $model }`. Elige `{ $replacement }` en su lugar.
failure-model-retired = El proveedor ha retirado el modelo `{ $model }`. Elige otro modelo.
failure-misconfigured = Easel no está bien configurado para este modelo, así que ahora mismo no puedo generar imágenes. El responsable del bot ya tiene el aviso en su registro; no se te ha cobrado nada.
failure-result-lost = La imagen se ha generado, pero su enlace ha caducado antes de que pudiera guardarla. Inténtalo de nuevo; no se te ha cobrado nada.
failure-delivery = Tu imagen se ha generado, pero Discord no ha aceptado la subida. Inténtalo de nuevo; no se te ha cobrado nada.
failure-translation = Ahora mismo no he podido traducir tu prompt al inglés para este modelo. Inténtalo de nuevo o escríbelo en inglés; no se te ha cobrado nada.
failure-unexpected = Algo ha fallado por mi parte. Inténtalo de nuevo; no se te ha cobrado nada.
failure-pause = Como se han rechazado varias de tus peticiones seguidas, tu uso de Easel en este servidor está en pausa. La pausa termina { $when }.
failure-pause-personal = Como se han rechazado varias de tus peticiones seguidas, tu uso de Easel está en pausa. La pausa termina { $when }.

source-untrusted-host = Solo descargo imágenes de Discord, y esta venía de otro sitio. Adjunta la imagen al comando.
source-too-large = Tu imagen pesa más de { $megabytes } MB, el máximo que descargo. Adjunta una imagen más pequeña.
source-longer-than-declared = El archivo que he recibido es más grande de lo que Discord había anunciado, así que he detenido la descarga. Vuelve a adjuntar la imagen.
source-gone = El enlace a tu imagen ha caducado antes de que pudiera descargarla. Vuelve a adjuntarla.
source-kept-gone = La imagen guardada con ese estilo ya no existe. Vuelve a guardar el estilo con su imagen.
source-cut-short = La descarga de tu imagen desde Discord se ha interrumpido. Inténtalo de nuevo.
source-failed = No he podido descargar tu imagen de Discord. Inténtalo de nuevo en un momento.
source-not-an-image = Ese archivo no es una imagen PNG, JPEG ni WebP. Adjunta una en alguno de esos formatos.
source-too-many-pixels = Tu imagen mide { $width }×{ $height } píxeles; trabajo con imágenes de hasta { $side } píxeles por lado y { $megapixels } megapíxeles en total. Adjunta una imagen más pequeña.
source-damaged = Tu archivo empieza como una imagen, pero está dañado o incompleto y no he podido leerlo. Vuelve a adjuntarlo.
source-cannot-fit = No he podido reducir tu imagen lo suficiente para este modelo. Adjunta una imagen más pequeña.
source-encode = Algo ha fallado al preparar tu imagen para el modelo. Inténtalo de nuevo.
source-mask-mismatch = Tu máscara mide { $mask } píxeles, pero tu imagen mide { $image }. Dibújala sobre una copia de la imagen del mismo tamaño (en blanco lo que debe cambiar y en negro lo que debe quedarse igual).
source-markup-mismatch = Tu anotación mide { $mask } píxeles, pero tu imagen mide { $image }. Dibújala sobre una copia de la imagen del mismo tamaño.

## Peticiones que el catálogo no permite

invalid-unknown-model = `{ $model }` no es un modelo que ofrezca este bot. Elige uno de estos: { $offered }.
invalid-empty-prompt = Escribe un prompt que describa la imagen que quieres.
invalid-prompt-too-long = Tu prompt tiene { $length } caracteres; `{ $model }` admite como máximo { $max }.
invalid-not-allowed = `{ $model }` no ofrece `{ $value }` como { $option }. Admite: { $allowed }.
invalid-no-styles = `{ $model }` no admite estilos; no uses la opción `estilo`.
invalid-count = `{ $model }` genera de { $min } a { $max } imágenes por petición; has pedido { $count }.
invalid-variation-unsupported = `{ $model }` no puede crear variaciones. Modelos que sí pueden: { $capable }.
invalid-missing-image = Adjunta la imagen de la que quieres una variación.
invalid-blend-unsupported = `{ $model }` no puede fusionar imágenes ni ceñirse a una referencia. Modelos que sí pueden: { $capable }.
invalid-blend-count = { $max ->
    [2] Adjunta exactamente 2 imágenes para fusionar (has adjuntado { $given }).
   *[other] Adjunta de 2 a { $max } imágenes para fusionar (has adjuntado { $given }).
}
invalid-edit-unsupported = `{ $model }` no puede editar imágenes. Modelos que sí pueden: { $capable }.
invalid-option-unsupported = `{ $model }` no admite { $option }; quita esa opción o elige un modelo que la admita: { $capable }.
invalid-style-picture-unsupported = Ese estilo guardado tiene una imagen de referencia que `{ $model }` no puede usar. Elige un modelo que pueda: { $capable }.
invalid-tuning-range = El valor de { $option } debe estar entre { $min } y { $max }; elige otro.
invalid-seed = La semilla debe ser un número entero entre -1 y 4294967295; has indicado { $seed }.
invalid-styles = Indica de 1 a { $max } estilos, separados por comas.
invalid-styles-unsupported = `/estilos` necesita una sola imagen por estilo y `{ $model }` no puede generar solo una; elige otro modelo para `/estilos`.
invalid-not-an-image = `{ $file }` no es una imagen. Adjunta una imagen PNG, JPEG o WebP.
invalid-image-too-large = `{ $file }` pesa { $size } MB; la imagen más grande que acepto es de { $max } MB.

# Cómo se llaman las opciones de una petición en estas frases.
option-word-size = tamaño
option-word-quality = calidad
option-word-style = estilo
option-word-steps = pasos
option-word-cfg_scale = cfg_scale
option-word-sampler = sampler
option-word-markup = anotación
option-word-mask = máscara
option-word-reference = referencia
option-word-tuning = pasos, cfg_scale o sampler

## Límites

limit-cooldown = Espera un poco entre peticiones: podrás volver a pedir { $when }.
limit-when-one-finishes = en cuanto termine una de ellas
limit-in-flight = { $limit ->
    [one] Ya tienes { $limit } petición de imagen en curso, el máximo permitido a la vez. Espera a que termine.
   *[other] Ya tienes { $limit } peticiones de imágenes en curso, el máximo permitido a la vez. Espera a que termine alguna.
    }
limit-images-per-day = Has alcanzado el límite diario de imágenes: te quedan { $left } de { $limit } cada 24 horas y esta petición necesita { $needed }. Se liberarán más { $when }.
limit-user-usd = Tu presupuesto diario está casi agotado: te quedan { $left } de { $limit } cada 24 horas y esta petición cuesta aproximadamente { $needed }. Se liberará más { $when }.
limit-guild-usd = El presupuesto diario de imágenes de este servidor está casi agotado: quedan { $left } de { $limit } y esta petición cuesta aproximadamente { $needed }. Se liberará más { $when }.
limit-personal-usd = Tu presupuesto diario personal (para usar Easel fuera de los servidores que lo han instalado) está casi agotado: te quedan { $left } de { $limit } cada 24 horas y esta petición cuesta aproximadamente { $needed }. Se liberará más { $when }.
limit-global-usd = El presupuesto mensual del bot está casi agotado: quedan { $left } y esta petición cuesta aproximadamente { $needed }. Se renueva { $when }.
limit-bad-value-whole = `{ $value }` no es un valor válido para `{ $limit }`: indica un número entero entre { $min } y { $max } ({ $unit }) o `none` para no poner límite.
limit-bad-value = `{ $value }` no es un valor válido para `{ $limit }`: indica un número entre { $min } y { $max } ({ $unit }) o `none` para no poner límite.
limit-unit-seconds = segundos
limit-unit-jobs = tareas a la vez
limit-unit-images = imágenes
limit-unit-usd = dólares estadounidenses
limit-none = sin límite
limit-seconds = { $seconds } s

## /uso

usage-heading = **Tu uso de Easel**
usage-label-cooldown = Tiempo de espera
usage-label-in-flight = Imágenes en curso
usage-label-images = Imágenes (24 h)
usage-label-user-usd = Tu presupuesto (24 h)
usage-label-guild-usd = Presupuesto del servidor (24 h)
usage-label-global-usd = Presupuesto del bot (este mes)
usage-exempt = **{ $label }**: exento (Gestionar servidor)
usage-cooldown-waiting = **{ $label }**: { $limit }, próxima petición { $when }
usage-cooldown-ready = **{ $label }**: { $limit }, ya puedes pedir
usage-unlimited = **{ $label }**: usado { $used }, sin límite
usage-used = **{ $label }**: usado { $used }, quedan { $left } de { $limit }
usage-cancelled = -# { $count ->
    [one] Incluye { $count } imagen que cancelaste cuando el modelo ya había empezado, contabilizada según su coste estimado ({ $usd }): el proveedor cobra cada llamada en cuanto empieza.
   *[other] Incluye { $count } imágenes que cancelaste cuando el modelo ya había empezado, contabilizadas según su coste estimado ({ $usd }): el proveedor cobra cada llamada en cuanto empieza.
    }
usage-latest-failure = Tu última petición privada que no generó ninguna imagen ({ $when }, tarea { $job }): { $reason }

## El mensaje de una tarea mientras espera o se ejecuta; cancelar

progress-next = Siguiente en la cola de `{ $model }`.
progress-place = Posición { $place } en la cola de `{ $model }`.
progress-step = Generando tu imagen con `{ $model }`: paso { $step } de { $steps }…
progress-running = Generando tu imagen con `{ $model }`…
progress-cancelled-by = Cancelada por { $member }.
progress-backend-down = El servicio de imágenes de este modelo no responde ahora mismo. Tu petición conserva su puesto y se ejecutará cuando vuelva; mientras tanto, puedes cancelarla.
button-cancel = Cancelar
cancel-nothing-charged = No se ha cobrado nada.
cancel-charged-estimate = El modelo ya había empezado, así que cuenta para los límites según su coste estimado ({ $estimate }).
cancel-done = Cancelada.
cancel-not-found = No encuentro esa petición.
cancel-not-yours = Solo puede cancelarla el miembro que pidió esta imagen o un moderador.
cancel-already-finished = Esa petición ya ha terminado, así que no hay nada que cancelar.
cancel-failed = Algo ha fallado al cancelar esa petición. Inténtalo de nuevo.
cancel-nothing-active = No tienes ninguna petición de imagen en espera ni en curso.
cancel-lookup-failed = Algo ha fallado al buscar tus peticiones. Inténtalo de nuevo.

## Resultados

result-title-generate = Tu imagen
result-title-hd = Tu imagen en HD
result-title-variation = Tu variación
result-title-edit = Tu edición
result-title-styles = Tu comparativa de estilos
result-title-extend = Tu imagen extendida
result-title-blend = Tu fusión
result-title-describe = Prompts para tu imagen
result-describe-intro = Usa uno tal cual o cámbialo antes: cada botón abre /generar con ese prompt.
result-variation-description = Una variación de tu imagen
result-footer = Tarea { $job } · /mostrar { $job }
result-cost-usage = { $cost } (según el consumo de tokens)
result-cost-catalogue = { $cost } (precio de catálogo)
result-ai-generated = Indicado en los metadatos de cada archivo
result-ready = { $member }, tu imagen está lista.
result-fetched-again = Recuperada de nuevo desde su mensaje en Discord.
result-gallery-credit = Pedida por { $requester } · aprobada por { $moderator }
field-revised-prompt = Prompt revisado
field-model = Modelo
field-size = Tamaño
field-quality = Calidad
field-cost = Coste
field-ai-generated = Generada con IA
field-requested-by = Pedida por
field-from = Origen
result-from = Tarea { $job }
field-draft = Borrador
result-draft = Hecho con `{ $quality }`, la calidad más barata. «Mejorar» lo rehace con `{ $top }` por unos { $estimate }.
field-seeds = { $count ->
    [one] Semilla
   *[other] Semillas
    }
field-parameters = Parámetros
field-negative-prompt = Prompt negativo
field-styles = Estilos
field-prompt-sent = Prompt enviado al modelo (en inglés)
button-reroll = Regenerar
button-enhance = Mejorar
button-pan-left = ⬅️ Extender
button-pan-right = ➡️ Extender
button-pan-up = ⬆️ Extender
button-pan-down = ⬇️ Extender
button-zoom-out = Alejar { $factor }×
button-edit = Editar
button-delete = Eliminar
button-vary = Variar
button-vary-numbered = Variar { $number }
button-hd = HD
button-hd-numbered = HD { $number }
button-upscale-creative = Ampliar (creativo)
button-use-numbered = Usar { $number }
delete-not-yours = Solo puede eliminarla el miembro que pidió esta imagen o un moderador.
delete-done = Eliminada.
delete-failed = No he podido eliminar ese mensaje. Inténtalo de nuevo en un momento.
click-other-server = Ese resultado pertenece a otro servidor, así que sus botones solo funcionan allí.
click-private = Ese resultado es privado: solo puede usarlo el miembro que lo pidió.
click-not-on-record = Ya no tengo registrado ese resultado, así que sus botones no pueden funcionar. Vuelve a pedirlo con `/generar`.
edit-modal-title = Editar esta imagen
edit-modal-instruction = ¿Qué quieres cambiar?
edit-modal-placeholder = p. ej.: ponle una bufanda roja al zorro
edit-modal-which = ¿Qué imagen (de 1 a { $count })?
generate-modal-title = Generar
generate-modal-prompt = Prompt
menu-no-image = Este mensaje no tiene ninguna imagen que Easel pueda usar. Elige un mensaje con una imagen PNG, JPEG o WebP.
menu-which-image = ¿Qué imagen? Elige una:
menu-image-numbered = Imagen { $number }
menu-expired = Esta selección ha caducado. Vuelve a usar el menú Aplicaciones del mensaje.
edit-which-number = Indica el número de la imagen, por ejemplo 1 o 2.
edit-no-such-image = No encuentro la imagen { $number } en ese mensaje.

## /mostrar

show-unknown = No tengo registrada ninguna tarea de imagen `{ $job }`.
show-not-yours = Solo puede volver a mostrarla el miembro que pidió esta imagen o un moderador.
show-not-delivered = Esa tarea no se entregó (estado: { $state }), así que no hay nada que mostrar.
show-gone = Ya no conservo las imágenes de esa tarea y no sé dónde se publicaron.
show-private = Ese resultado es privado.
show-deleted = Ese resultado se eliminó de Discord y ya no conservo sus imágenes, así que no puedo mostrarlo.
show-unreachable = Ahora mismo no he podido acceder al mensaje de ese resultado en Discord. Inténtalo de nuevo.
show-download-failed = Ahora mismo no he podido descargar de Discord las imágenes de ese resultado. Inténtalo de nuevo.
show-unreadable = Las imágenes de ese resultado ya no se pueden leer.
show-emptied = El mensaje de ese resultado ya no contiene sus imágenes, así que no puedo mostrarlo.
job-state-queued = en cola
job-state-running = en curso
job-state-delivered = entregada
job-state-failed = fallida
job-state-cancelled = cancelada

## /ajustes

settings-heading = **Tus valores predeterminados**
settings-saved = Guardado. Tus valores predeterminados son ahora:
settings-cleared = Se han borrado tus valores predeterminados.
settings-read-failed = Ahora mismo no he podido leer tus ajustes. Inténtalo de nuevo.
settings-save-failed = Ahora mismo no he podido guardar tus ajustes. Inténtalo de nuevo.
settings-model = Modelo: { $value }
settings-size = Tamaño: { $value }
settings-quality = Calidad: { $value }
settings-style = Estilo: { $value }
settings-suffix = Sufijo del prompt: { $value }
settings-language = Idioma: { $value }
settings-drafts-on = Borradores: activados (/generar crea borradores baratos con un botón Mejorar)
settings-drafts-off = Borradores: desactivados
style-saved = Estilo `{ $name }` guardado. Elígelo como estilo de /generar para añadir sus palabras a un prompt.
style-saved-with-picture = Estilo `{ $name }` guardado con su imagen de referencia. Elígelo como estilo de /generar para añadir sus palabras y su imagen a un prompt (en los modelos que admiten una referencia).
style-deleted = Estilo `{ $name }` eliminado.
style-not-found = No hay ningún estilo `{ $name }`.
style-bad-name = El nombre de un estilo debe tener de 1 a { $max } letras, números, espacios, - o _.
style-bad-text = Las palabras de un estilo deben tener de 1 a { $max } caracteres.
style-too-many = Puedes guardar como máximo { $max } estilos; elimina uno primero.
style-moderators-only = Solo los moderadores del servidor pueden guardar o eliminar sus estilos.
style-refused = Estas palabras incumplen las normas de este servidor para las peticiones de imágenes, así que el estilo no se ha guardado. Reformúlalas.
style-refused-personal = Estas palabras incumplen las normas que el propietario de Easel ha fijado para las peticiones de imágenes, así que el estilo no se ha guardado. Reformúlalas.
style-list-mine = **Tus estilos**
style-list-server = **Los estilos de este servidor**
style-list-picture = con imagen de referencia
settings-results-private = Resultados: solo los ves tú
settings-results-public = Resultados: visibles para todos
settings-server-default = el predeterminado del servidor (`{ $model }`)
settings-model-default = el valor predeterminado del modelo
settings-discord-language = tu idioma de Discord ({ $language })
settings-unknown-model = `{ $model }` no es un modelo que ofrezca este bot; consulta la lista en `/ayuda`.
settings-not-offered = `{ $model }` no ofrece `{ $value }` como { $option }.
settings-suffix-too-long = Tu sufijo del prompt tiene { $length } caracteres; el máximo es { $max }.
settings-retired-default = Tu modelo predeterminado, `{ $old }`, se ha retirado, así que `{ $replacement }` ocupa su lugar (ya está guardado como predeterminado; puedes cambiarlo con `/ajustes`).

## /ayuda

help-title = Easel: creamos imágenes juntos
help-formula-rule = **Tema + acción o estado + estilo + entorno + detalles + palabras de calidad.**
help-formula-explain = Di qué aparece en la imagen, qué está haciendo, cómo está dibujado, dónde está, los detalles que importan y el acabado que buscas.
help-example-one = **Ejemplo 1**: un zorro rojo · acurrucado y dormido · acuarela · en un bosque de abedules nevado · suave luz de la mañana · muy detallado
help-example-one-command = `/generar prompt: Un zorro rojo acurrucado y dormido, acuarela, en un bosque de abedules nevado, suave luz de la mañana, muy detallado`
help-example-two = **Ejemplo 2**: un farero · leyendo a la luz de un candil · pintura al óleo · dentro de una torre de piedra durante una tormenta · lluvia en la ventana, resplandor cálido · obra maestra, enfoque nítido
help-example-two-command = `/generar prompt: Un farero leyendo a la luz de un candil, pintura al óleo, dentro de una torre de piedra durante una tormenta, lluvia en la ventana, resplandor cálido, obra maestra, enfoque nítido`
help-styles-tip = ¿No sabes qué estilo elegir? `/estilos tema: un faro al atardecer` muestra un mismo tema en cuatro estilos, uno junto a otro.
help-commands =
    `/generar` convierte un prompt en imágenes · `/hd` lo mismo, con la máxima calidad del modelo
    `/variación` una nueva versión de una imagen que subas · `/editar` cambia una imagen subida (una máscara limita dónde)
    `/estilos` un tema en hasta 4 estilos · `/mostrar` vuelve a publicar un resultado con sus botones
    `/ajustes` tus valores predeterminados · `/uso` lo que has consumido · `/cancelar` tu petición en espera
    Botones bajo un resultado: Regenerar, Variar, HD, Editar, Eliminar.
    Moderadores: `/moderación` · Gestores del servidor: `/límites`
help-describe = `/describir` convierte una imagen en prompts que puedes usar (o, en un mensaje: Aplicaciones → Describir con Easel)
help-blend = `/fusionar` une de 2 a 5 imágenes en una sola
help-reference = `/generar referencia:` una imagen a la que ceñirse
help-menus = En un mensaje con una imagen, en su menú Aplicaciones: Editar con Easel, Variar con Easel
help-studio = `/estilo guardar` palabras (y una imagen) con un nombre para elegirlas como `estilo` · `borrador:true` un primer intento barato y luego Mejorar · Bajo una sola imagen: ⬅️➡️⬆️⬇️ Extender, Alejar 1,5× o 2×, Ampliar (creativo)
help-section-commands = Comandos
help-section-studio = Estudio
help-section-models = Modelos disponibles aquí (precio de una imagen con el tamaño y la calidad predeterminados)
help-section-limits = Tus límites
help-limits-none = No hay ninguno establecido.
help-model = `{ $model }`: { $price }
help-model-default = `{ $model }` (predeterminado): { $price }
help-model-free = autoalojado, sin coste
help-model-translates = los prompts en cualquier idioma se traducen al inglés para este modelo
help-model-english-only = solo entiende prompts en inglés

## Moderadores y gestores del servidor: /límites, /moderación

admin-log-channel = El registro de moderación de Easel se publica ahora en { $channel }.
admin-rule-added = Se ha añadido la { $kind } `{ $pattern }` a la lista de bloqueo. Los prompts que coincidan se rechazarán antes de llamar a ningún modelo.
admin-rule-exists = La { $kind } `{ $pattern }` ya estaba en la lista de bloqueo.
admin-rule-removed = Se ha quitado la { $kind } `{ $pattern }` de la lista de bloqueo.
admin-rule-missing = La { $kind } `{ $pattern }` no estaba en la lista de bloqueo.
admin-limit-set = El límite `{ $limit }` para { $whom } es ahora { $value }.
admin-reset-server = { $count ->
    [one] Se ha restablecido { $count } ajuste de este servidor (todos sus ajustes); vuelven a aplicarse los valores predeterminados.
   *[other] Se han restablecido { $count } ajustes de este servidor (todos sus ajustes); vuelven a aplicarse los valores predeterminados.
    }
admin-reset = { $count ->
    [one] Se ha restablecido { $count } ajuste para { $whom }; vuelven a aplicarse los valores predeterminados.
   *[other] Se han restablecido { $count } ajustes para { $whom }; vuelven a aplicarse los valores predeterminados.
    }
admin-blocked-until = Se ha bloqueado a { $member } en Easel en este servidor; el bloqueo termina { $when }.
admin-blocked = Se ha bloqueado a { $member } en Easel en este servidor hasta que se levante el bloqueo.
admin-unblocked = { $member } ya puede volver a usar Easel en este servidor.
admin-not-blocked = { $member } no tenía ningún bloqueo.
admin-not-manager = Solo los miembros con el permiso Gestionar servidor pueden { $action }.
admin-not-moderator = Solo los moderadores de este servidor (con el permiso Gestionar mensajes, Aislar temporalmente a miembros o Gestionar servidor) pueden { $action }.
admin-pattern-length = Una entrada de la lista de bloqueo debe tener entre 1 y 200 caracteres.
admin-pattern-no-letter = Una palabra bloqueada necesita al menos una letra o un dígito.
admin-pattern-regex = Esa expresión regular no es válida: { $why }
admin-not-in-server = Los límites pertenecen a un servidor: usa este comando en uno.
admin-unknown-limit = `{ $limit }` no es un límite que pueda establecer un servidor.
admin-server-only = `{ $limit }` es el presupuesto propio del servidor: establécelo sin indicar usuario ni rol.
admin-above-owner-cap = El propietario del bot limita el presupuesto diario de cada servidor a { $max }: elige un valor entre 0 y esa cantidad.
admin-bad-hours = Un bloqueo dura más de 0 horas y como máximo { $max } (un año); omite `horas` para bloquear hasta que se desbloquee.
admin-no-reason = sin motivo indicado
admin-block-reason = { $reason } (por { $moderator })
admin-store-failed = Algo ha fallado al guardarlo; no se ha cambiado nada.
action-choose-log-channel = elegir el canal de registro de Easel
action-change-blocklist = cambiar la lista de bloqueo
action-read-blocklist = consultar la lista de bloqueo
action-read-history = consultar el historial de tareas de Easel
action-see-limits = ver los límites de Easel
action-change-limits = cambiar los límites de Easel
action-block-members = bloquear a miembros en Easel
action-lift-block = levantar un bloqueo
rule-kind-word = palabra
rule-kind-regex = expresión regular
whom-server = este servidor
whom-role = los miembros con { $role }
blocklist-empty = La lista de bloqueo está vacía.
blocklist-heading = { $count ->
    [one] **Lista de bloqueo** ({ $count } regla)
   *[other] **Lista de bloqueo** ({ $count } reglas)
    }
limits-heading-server = **Límites de este servidor**
limits-heading-member = **Límites de { $member }**
limits-role-tiers = Niveles por rol: { $tiers }
limits-blocked-until = Bloqueo (termina { $when }): { $reason }
limits-blocked = Bloqueo (hasta que se levante): { $reason }
limits-managers-exempt = Los miembros con Gestionar servidor están exentos de los límites por miembro.
limits-managers-held = Los miembros con Gestionar servidor también están sujetos a los límites por miembro.
history-empty-server = No hay tareas de este servidor en la página { $page } de { $pages }.
history-empty-member = No hay tareas de { $member } en la página { $page } de { $pages }.
history-heading-server = **Tareas de Easel en este servidor**: página { $page } de { $pages } ({ $total } en total)
history-heading-member = **Tareas de Easel de { $member }**: página { $page } de { $pages } ({ $total } en total)
history-line = { $time } { $member } /{ $command } { $model } · **{ $outcome }**{ $reason } · { $cost } · «{ $prompt }»{ $link } · tarea { $job }{ $from }
history-result = resultado
history-newer = ◀ Más recientes
history-older = Más antiguas ▶
report-moderators-only = Solo los moderadores pueden ver el gasto del servidor.
report-read-failed = Ahora mismo no he podido consultar el gasto del servidor. Inténtalo de nuevo.
report-heading = { $images ->
    [one] **Gasto en imágenes de este servidor en los últimos { $days } días**: { $usd } por { $images } imagen.
   *[other] **Gasto en imágenes de este servidor en los últimos { $days } días**: { $usd } por { $images } imágenes.
    }
report-failed = Gastado en tareas fallidas (el modelo había respondido, pero después no se pudo entregar nada; no se cobró a ningún miembro): { $usd }.
report-top = **Miembros que más piden**
report-community = solicitudes de la comunidad
report-line = { $images ->
    [one] { $rank }. { $who }: { $usd }, { $images } imagen
   *[other] { $rank }. { $who }: { $usd }, { $images } imágenes
    }

## El registro de moderación

outcome-delivered = entregada
outcome-refused-by-provider = rechazada por el proveedor
outcome-refused-by-rules = rechazada por las normas del servidor
outcome-failed = fallida
log-title = /{ $command }: { $outcome }
log-jump = Ir a la imagen
log-footer = Tarea { $job }
log-cancelled-by = Cancelado por { $member }
field-requester = Solicitante
field-channel = Canal
field-result = Resultado
field-command = Comando
field-outcome = Estado
field-reason = Motivo
notice-model-retired = **Modelo retirado**: `{ $model }` ya no está disponible, así que ha dejado de ofrecerse. Las peticiones que lo usaban pasan a usar `{ $replacement }`.
notice-model-retiring-tomorrow = **Modelo en retirada**: `{ $model }` deja de funcionar el { $date } (mañana).
notice-model-retiring = { $days ->
    [one] **Modelo en retirada**: `{ $model }` deja de funcionar el { $date } (dentro de { $days } día).
   *[other] **Modelo en retirada**: `{ $model }` deja de funcionar el { $date } (dentro de { $days } días).
    }
notice-move-to = Cambia a `{ $replacement }` (los miembros ya pueden elegirlo).
spend-server-used-up = **Alerta de gasto**: se ha agotado el presupuesto diario de imágenes de este servidor: { $spent } de { $budget } gastados en las últimas 24 horas ({ $percent } %). Las nuevas peticiones se rechazarán hasta que se libere presupuesto.
spend-server-passed = **Alerta de gasto**: este servidor ha gastado más del { $percent } % de su presupuesto diario de imágenes: { $spent } de { $budget } en las últimas 24 horas.
spend-bot-used-up = **Alerta de gasto**: se ha agotado el presupuesto mensual de imágenes del bot: { $spent } de { $budget } gastados este mes ({ $percent } %). Las nuevas peticiones se rechazarán hasta que se libere presupuesto.
spend-bot-passed = **Alerta de gasto**: el bot ha gastado más del { $percent } % de su presupuesto mensual de imágenes: { $spent } de { $budget } este mes.

## Solicitudes de la comunidad

desk-posted = Tu solicitud se ha publicado en { $channel } para que la aprueben los moderadores; recibirás la respuesta por mensaje directo. Allí los miembros pueden votarla.
desk-approved = Aprobada. Se está generando con el presupuesto del servidor y se publicará cuando esté lista.
desk-approved-in = Aprobada. Se está generando con el presupuesto del servidor y se publicará en { $gallery }.
desk-denied = Denegada; se ha explicado el motivo al solicitante.
desk-denied-to-requester = Los moderadores no han aprobado tu solicitud «{ $prompt }». Su motivo: { $reason }
desk-delivered-to-requester = { $moderator } ha aprobado tu solicitud «{ $prompt }» y la imagen ya está en la galería: { $link }
desk-outside-servers = Las solicitudes funcionan en servidores.
desk-no-channel = Este servidor aún no tiene canal de solicitudes: un moderador puede elegirlo con `/solicitudes canal`.
desk-too-many-open = { $count ->
    [one] Ya tienes { $count } solicitud abierta aquí, el máximo permitido a la vez. Espera a que los moderadores la resuelvan.
   *[other] Ya tienes { $count } solicitudes abiertas aquí, el máximo permitido a la vez. Espera a que los moderadores resuelvan alguna.
    }
desk-starting = Easel todavía se está iniciando. Inténtalo de nuevo en un momento.
desk-cannot-post = No he podido publicar en { $channel }: pide a un moderador que me permita enviar mensajes allí.
desk-no-such-request = No tengo registrada esa solicitud.
desk-own-request = No puedes votar tu propia solicitud.
desk-voter-blocked = No puedes votar mientras tengas un bloqueo de Easel en este servidor.
desk-already-voted = Ya has votado esta solicitud.
desk-decided = Esta solicitud ya se ha resuelto.
desk-not-started = No he podido iniciarla, así que la solicitud sigue abierta: { $why }
desk-not-decider = Solo los moderadores (con Gestionar mensajes o con el rol de moderación de solicitudes del servidor) pueden aprobar o denegar solicitudes.
desk-not-saved = Ahora mismo no he podido guardarlo. Inténtalo de nuevo.
desk-no-open = No hay solicitudes abiertas.
desk-managers-only = Solo los miembros que pueden gestionar el servidor pueden cambiar el tablón de solicitudes.
desk-channel-set = Las tarjetas de solicitud se publicarán en { $channel }.
desk-gallery-set = Los resultados aprobados se publicarán en { $channel }.
desk-moderators-set = Los miembros con { $role } pueden aprobar y denegar solicitudes.
desk-need-role = Indica el `rol` cuyos miembros no necesitan aprobación.
desk-need-cost = Indica el coste (`usd`, de 0 a 1000) a partir del cual las solicitudes necesitan aprobación.
desk-need-channel = Primero elige un canal de solicitudes con `/solicitudes canal`.
desk-policy-off = Las solicitudes ya no necesitan aprobación: las imágenes de los miembros se pagan con su propio presupuesto.
desk-policy-everyone = Ahora todas las solicitudes de los miembros necesitan la aprobación de un moderador.
desk-policy-without-role = Ahora las solicitudes de los miembros sin { $role } necesitan la aprobación de un moderador.
desk-policy-over-cost = Ahora las solicitudes con un coste estimado superior a { $usd } necesitan la aprobación de un moderador.
desk-list-heading = **Solicitudes abiertas**
desk-list-line = { $votes ->
    [one] { $rank }. **{ $prompt }** de { $member } · { $votes } voto · ~{ $usd } · { $when }{ $link }
   *[other] { $rank }. **{ $prompt }** de { $member } · { $votes } votos · ~{ $usd } · { $when }{ $link }
    }
card-title = Solicitud de la comunidad
card-waiting = Esperando a un moderador
card-approved-by = Aprobada por { $moderator }
card-denied-by = Denegada por { $moderator }: { $reason }
card-estimated-cost = Coste estimado
card-votes = Votos
card-status = Estado
card-note = Nota
card-footer = Solicitud { $request }
card-approve = Aprobar
card-deny = Denegar
card-vote = Votar ({ $votes })
deny-modal-title = Denegar esta solicitud
deny-modal-reason = ¿Por qué? (se le dirá al solicitante)

## Comandos tal como los muestra Discord (nombres: en minúsculas, sin espacios, 32 caracteres como máximo;
## descripciones: 100 caracteres como máximo). Los nombres de opción son comunes a todos los comandos que las tienen.

name-add = añadir
name-block = bloquear
name-blocklist = lista-bloqueo
name-cancel = cancelar
name-cfg_scale = cfg_scale
name-channel = canal
name-edit = editar
name-gallery = galería
name-generate = generar
name-hd = hd
name-help = ayuda
name-history = historial
name-hours = horas
name-image = imagen
name-job = tarea
name-limit = límite
name-limits = límites
name-list = lista
name-log-channel = canal-registro
name-markup = anotación
name-mask = máscara
name-mode = modo
name-model = modelo
name-moderation = moderación
name-moderators = moderadores
name-n = cantidad
name-negative_prompt = prompt_negativo
name-note = nota
name-page = página
name-pattern = patrón
name-policy = política
name-prompt = prompt
name-public = público
name-quality = calidad
name-reason = motivo
name-reference = referencia
name-name = nombre
name-text = texto
name-scope = alcance
name-save = guardar
name-delete = eliminar
name-regex = regex
name-remove = quitar
name-request = solicitar
name-requests = solicitudes
name-reset = restablecer
name-role = rol
name-sampler = sampler
name-seed = semilla
name-server = servidor
name-set = establecer
name-settings = ajustes
name-show = mostrar
name-size = tamaño
name-sort = orden
name-steps = pasos
name-style = estilo
name-styles = estilos
name-describe = describir
name-draft = borrador
name-blend = fusionar
name-image1 = imagen1
name-image2 = imagen2
name-image3 = imagen3
name-image4 = imagen4
name-image5 = imagen5
name-subject = tema
name-suffix = sufijo
name-unblock = desbloquear
name-usage = uso
name-usd = usd
name-user = usuario
name-value = valor
name-variation = variación

desc-generate = Convierte un prompt en una imagen
desc-generate-prompt = Describe la imagen que quieres
desc-generate-model = Qué modelo la dibuja
desc-generate-size = Tamaño de la imagen
desc-generate-quality = Nivel de calidad (a más calidad, más coste)
desc-generate-style = Un estilo que guardaste, o el del modelo (escribe para verlos)
desc-generate-n = Cuántas imágenes
desc-generate-draft = Primero un borrador barato (la calidad más baja del modelo); Mejorar lo rehace con la máxima calidad
desc-generate-reference = Imagen de una persona, objeto o producto a la que ceñirse (para los modelos que lo admiten)
desc-generate-seed = Semilla para reproducir un resultado (Stable Diffusion)
desc-generate-steps = Pasos de muestreo (Stable Diffusion)
desc-generate-cfg_scale = Cuánto se ciñe al prompt
desc-generate-sampler = Sampler (Stable Diffusion)
desc-generate-negative_prompt = Lo que no debe aparecer en la imagen
desc-hd = Convierte un prompt en una imagen con la máxima calidad del modelo
desc-hd-prompt = Describe la imagen que quieres
desc-hd-model = Qué modelo la dibuja
desc-hd-size = Tamaño de la imagen
desc-variation = Crea una nueva versión de una imagen que subas
desc-variation-image = Una imagen PNG, JPEG o WebP
desc-variation-prompt = Qué cambiar (opcional)
desc-variation-model = Qué modelo crea la variación
desc-variation-n = Cuántas imágenes
desc-cancel = Cancela tu última petición de imagen en espera o en curso
desc-styles = Mira un mismo tema en hasta 4 estilos, uno junto a otro
desc-styles-subject = Qué dibujar, p. ej.: un faro al atardecer
desc-styles-styles = Hasta 4 estilos separados por comas (por defecto: fotorrealista, óleo, acuarela, cyberpunk)
desc-styles-model = Qué modelo los dibuja
desc-styles-size = Tamaño de la imagen
desc-describe = Convierte una imagen en prompts que puedes usar
desc-describe-image = Una imagen PNG, JPEG o WebP
desc-describe-model = Qué modelo la describe
desc-blend = Fusiona en una sola de 2 a 5 imágenes que subas
desc-blend-image1 = La primera imagen
desc-blend-image2 = La segunda imagen
desc-blend-image3 = Una tercera imagen
desc-blend-image4 = Una cuarta imagen
desc-blend-image5 = Una quinta imagen
desc-blend-prompt = Cómo fusionarlas (opcional)
desc-blend-model = Qué modelo las fusiona
desc-blend-n = Cuántas imágenes
desc-edit = Cambia una imagen que subas, entera o solo donde marque una máscara
desc-edit-image = Una imagen PNG, JPEG o WebP
desc-edit-prompt = Qué cambiar
desc-edit-mask = Del mismo tamaño que la imagen: blanco donde debe cambiar, negro donde debe quedarse igual
desc-edit-markup = Tu instrucción dibujada sobre una copia de la imagen (modelos que admiten anotaciones)
desc-edit-model = Qué modelo la edita
desc-edit-n = Cuántas imágenes
desc-show = Vuelve a publicar uno de tus resultados, con sus botones
desc-show-job = El número de tarea que aparece bajo el resultado
desc-settings = Tus valores predeterminados para /generar (sin opciones: los muestra)
desc-settings-model = Tu modelo predeterminado
desc-settings-size = Tu tamaño predeterminado
desc-settings-quality = Tu calidad predeterminada
desc-settings-style = Tu estilo predeterminado
desc-settings-suffix = Palabras que se añaden al final de cada prompt (vacío: ninguna)
desc-settings-public = Publicar los resultados para todos (True) o mostrártelos solo a ti (False)
desc-settings-reset = Borra todos tus valores predeterminados
desc-help = Cómo escribir prompts, todos los comandos, modelos y precios, y tus límites
desc-usage = Lo que has usado hoy y lo que te queda
desc-usage-server = Moderadores: gasto diario del servidor en los últimos 30 días y quién pide más
desc-limits = Consulta o cambia los límites de Easel en este servidor
desc-limits-show = Muestra los límites del servidor o de un miembro
desc-limits-show-user = Un miembro
desc-limits-set = Establece un límite para el servidor, un nivel por rol o un miembro
desc-limits-set-limit = Qué límite
desc-limits-set-value = Un número, o `none` para no poner límite
desc-limits-set-user = Un miembro
desc-limits-set-role = Un rol (un nivel de límites)
desc-limits-reset = Vuelve a los valores predeterminados del servidor, de un rol o de un miembro
desc-limits-reset-user = Un miembro
desc-limits-reset-role = Un rol (un nivel de límites)
desc-limits-block = Impide que un miembro use Easel en este servidor
desc-limits-block-user = Un miembro
desc-limits-block-hours = Durante cuánto tiempo, hasta un año (por defecto: hasta que se desbloquee)
desc-limits-block-reason = El motivo, para los moderadores
desc-limits-unblock = Permite que un miembro bloqueado vuelva a usar Easel
desc-limits-unblock-user = Un miembro
desc-moderation = Herramientas de moderación de Easel
desc-moderation-log-channel = Dónde registra Easel cada tarea
desc-moderation-log-channel-channel = Un canal de texto
desc-moderation-blocklist = Palabras y patrones rechazados
desc-moderation-blocklist-add = Rechaza los prompts que contengan esta palabra o patrón
desc-moderation-blocklist-add-pattern = Una palabra, frase o expresión regular
desc-moderation-blocklist-add-regex = Trata el patrón como una expresión regular
desc-moderation-blocklist-remove = Deja de rechazar esta palabra o patrón
desc-moderation-blocklist-remove-pattern = Una palabra, frase o expresión regular
desc-moderation-blocklist-remove-regex = Trata el patrón como una expresión regular
desc-moderation-blocklist-list = Muestra la lista de bloqueo
desc-moderation-history = Las últimas tareas de un miembro (o de todos), con su resultado
desc-moderation-history-user = Un miembro
desc-moderation-history-page = Número de página
desc-moderation-unblock = Levanta el bloqueo o la pausa de un miembro
desc-moderation-unblock-user = Un miembro
desc-request = Pide una imagen a la comunidad: los moderadores la aprueban y el servidor paga
desc-request-prompt = Describe la imagen que quieres
desc-request-reference = Una imagen de referencia
desc-request-note = Una nota para los moderadores
desc-requests = El tablón de solicitudes de la comunidad
desc-requests-list = Las solicitudes abiertas
desc-requests-list-sort = Orden
desc-requests-channel = Dónde se publican las tarjetas de solicitud (Gestionar servidor)
desc-requests-channel-channel = El canal de solicitudes
desc-requests-gallery = Dónde se publican los resultados aprobados (Gestionar servidor)
desc-requests-gallery-channel = El canal de la galería
desc-requests-moderators = Un rol que puede aprobar y denegar solicitudes (Gestionar servidor)
desc-requests-moderators-role = El rol
desc-requests-policy = Qué solicitudes necesitan aprobación previa (Gestionar servidor)
desc-requests-policy-mode = Quién necesita aprobación
desc-requests-policy-role = Para «miembros sin un rol»
desc-requests-policy-usd = Para «solicitudes por encima de un coste»: importe en USD
desc-settings-language = El idioma en el que te responde Easel (por defecto: tu idioma de Discord)
desc-settings-draft = Crea las imágenes de /generar como borradores baratos salvo que digas lo contrario
desc-hd-style = Un estilo que guardaste, o el del modelo (escribe para verlos)
desc-style = Tus estilos guardados: palabras que se añaden a un prompt al elegir su nombre como estilo
desc-style-save = Guardar palabras con un nombre
desc-style-save-name = El nombre del estilo
desc-style-save-text = Las palabras que añade a un prompt
desc-style-save-scope = Solo para ti, o para todo el servidor (moderadores)
desc-style-save-reference = Una imagen a la que se ciñe el estilo (modelos que admiten una referencia)
desc-style-list = Tus estilos y los del servidor
desc-style-delete = Eliminar un estilo
desc-style-delete-name = El nombre del estilo
desc-style-delete-scope = Solo para ti, o para todo el servidor (moderadores)
name-language = idioma

# Comandos de mensaje, tal como los muestra el menú Aplicaciones de un mensaje (se admiten palabras,
# mayúsculas y espacios; 32 caracteres como máximo).
menu-edit-with-easel = Editar con Easel
menu-vary-with-easel = Variar con Easel
menu-describe-with-easel = Describir con Easel

# Opciones fijas (los nombres de modelos, tamaños y calidades se quedan como están).
choice-mine = mío
choice-server = servidor
choice-most-votes = más votadas
choice-oldest = más antiguas
choice-nobody-off = nadie (desactivado)
choice-everyone = todos
choice-members-without-a-role = miembros sin un rol
choice-requests-over-a-cost = solicitudes por encima de un coste
choice-my-discord-language = mi idioma de Discord
