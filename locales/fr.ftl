# Les textes d'Easel en français (fr) : traduction du catalogue anglais en-US.ftl. Tout message absent
# de ce fichier s'affiche en anglais.
#
# Glossaire (termes fixes d'Easel ; un seul mot pour chacun, partout) :
#   job : tâche (une demande d'image exécutée par Easel, affichée « Tâche 123 »).
#   queue : file d'attente.
#   budget : budget.
#   limit : limite.
#   block : blocage (verbe : bloquer) ; pause : suspension (verbe : suspendre).
#   blocklist : liste noire.
#   moderation log : journal de modération.
#   community request : demande communautaire.
#   gallery : galerie.
#   Re-roll : Relancer ; Vary : Varier ; HD : HD ; Edit : Modifier ; Delete : Supprimer (les boutons sous un résultat).
#   prompt : prompt (le texte qui décrit l'image).
#   model : modèle.
#   server : serveur.
#   moderator : modérateur.
#
# Registre : vouvoiement. Typographie française : espace insécable avant : ; ? ! % et à l'intérieur
# des guillemets « ». Les variables entre { $accolades } sont remplies par Easel : ne pas les
# traduire. La mise en forme Discord (`code`, **gras**, -# petits caractères) est conservée.

## Commun

job-footnote = -# Tâche { $job }
not-charged = Rien ne vous a été facturé.
list-none = aucun
generic-failure = Un problème est survenu de mon côté. Veuillez réessayer.
servers-only = Easel fonctionne dans les serveurs, où s'appliquent leurs limites et où veillent leurs modérateurs. Veuillez l'utiliser dans le salon d'un serveur.
not-enabled = Easel n'est pas activé sur ce serveur. Son propriétaire choisit les serveurs où le bot fonctionne.
choose-subcommand = Veuillez choisir une sous-commande.
unknown-subcommand = Sous-commande inconnue.
choose-channel = Veuillez choisir un salon.
choose-member-to-block = Veuillez choisir le membre à bloquer.
choose-member-to-unblock = Veuillez choisir le membre à débloquer.

## Pourquoi une tâche n'a produit aucune image

refusal-category-sexual = contenu sexuel
refusal-category-self-harm = automutilation
refusal-category-violence = violence
refusal-category-hate = haine ou harcèlement
refusal-category-illegal = activité illégale
refusal-category-real-people = personnes réelles ou œuvres protégées
refusal-category-unnamed = les règles de sécurité du fournisseur

failure-queue-full-server = Easel est très sollicité : la file d'attente de ce serveur est pleine. Veuillez réessayer dans quelques minutes ; rien ne vous a été facturé.
failure-queue-full-bot = Easel est extrêmement sollicité en ce moment : sa file d'attente est pleine. Veuillez réessayer dans quelques minutes ; rien ne vous a été facturé.
failure-restarting = Easel est en train de redémarrer. Veuillez réessayer dans une minute ; rien ne vous a été facturé.
failure-blocked-until = Vous ne pouvez pas utiliser Easel sur ce serveur pour le moment. Le blocage prend fin { $when } ; un modérateur peut le lever plus tôt.
failure-blocked = Vous ne pouvez pas utiliser Easel sur ce serveur tant qu'un modérateur n'a pas levé votre blocage.
failure-blocked-until-personal = Vous ne pouvez pas utiliser Easel pour le moment : vous êtes bloqué ou suspendu sur son serveur principal. Le blocage prend fin { $when } ; ses modérateurs peuvent le lever plus tôt.
failure-blocked-personal = Vous ne pouvez pas utiliser Easel tant que les modérateurs de son serveur principal n'ont pas levé votre blocage.
failure-result-unusable = Le service d'images a renvoyé une image illisible (endommagée, incomplète ou trop lourde) : je n'ai donc rien à vous livrer. Veuillez réessayer ; rien ne vous a été facturé.
failure-provider-refused = Le fournisseur d'images a refusé cette demande en vertu de sa politique de contenu (motif : { $category }). Veuillez reformuler votre prompt ; rien ne vous a été facturé.
failure-rules = Ce prompt enfreint les règles de ce serveur pour les demandes d'images : il n'a donc pas été envoyé. Veuillez le reformuler ; rien ne vous a été facturé.
failure-rules-personal = Ce prompt enfreint les règles fixées par le propriétaire d'Easel pour les demandes d'images : il n'a donc pas été envoyé. Veuillez le reformuler ; rien ne vous a été facturé.
failure-rules-flagged = Ce prompt a été signalé par le contrôle de modération ({ $categories }) : il n'a donc pas été envoyé. Veuillez le reformuler ; rien ne vous a été facturé.
failure-upload-flagged = L'image que vous avez envoyée a été signalée par le contrôle de modération ({ $categories }) : elle n'a donc pas été transmise. Veuillez choisir une autre image ; rien ne vous a été facturé.
failure-unavailable = Le service d'images ne répond pas pour le moment (il est peut-être en panne ou en train de redémarrer). Veuillez réessayer plus tard ; rien ne vous a été facturé.
failure-busy = Le service d'images est saturé pour le moment. Veuillez réessayer dans une minute ; rien ne vous a été facturé.
failure-timed-out = Le service d'images a mis trop de temps à répondre. Veuillez réessayer ; rien ne vous a été facturé.
failure-stopped-on-server = L'opérateur du serveur d'images a interrompu ce calcul : il n'y a donc pas d'image. Vous pouvez refaire la demande ; rien ne vous a été facturé.
failure-model-retired-replaced = Le modèle `{ $model }` a été retiré par son fournisseur. Veuillez plutôt choisir `{ $replacement }`.
failure-model-retired = Le modèle `{ $model }` a été retiré par son fournisseur. Veuillez choisir un autre modèle.
failure-misconfigured = Easel n'est pas correctement configuré pour ce modèle : je ne peux donc pas créer d'images pour le moment. Le propriétaire du serveur a été prévenu dans le journal du bot ; rien ne vous a été facturé.
failure-result-lost = L'image a bien été créée, mais son lien a expiré avant que je puisse l'enregistrer. Veuillez réessayer ; rien ne vous a été facturé.
failure-delivery = Votre image a bien été créée, mais Discord a refusé le fichier. Veuillez réessayer ; rien ne vous a été facturé.
failure-translation = Je n'ai pas pu traduire votre prompt en anglais pour ce modèle. Veuillez réessayer, ou l'écrire directement en anglais ; rien ne vous a été facturé.
failure-unexpected = Un problème est survenu de mon côté. Veuillez réessayer ; rien ne vous a été facturé.
failure-pause = En raison de refus répétés, votre accès à Easel est suspendu sur ce serveur ; la suspension prend fin { $when }.
failure-pause-personal = En raison de refus répétés, votre accès à Easel est suspendu ; la suspension prend fin { $when }.

source-untrusted-host = Je ne télécharge que des images hébergées par Discord, et celle-ci vient d'ailleurs. Veuillez joindre l'image directement à la commande.
source-too-large = Votre image dépasse { $megabytes } Mo, la taille maximale que je télécharge. Veuillez joindre une image plus légère.
source-longer-than-declared = Le fichier reçu est plus lourd que ce que Discord avait annoncé : j'ai donc interrompu le téléchargement. Veuillez joindre l'image à nouveau.
source-gone = Le lien vers votre image a expiré avant que je puisse la télécharger. Veuillez la joindre à nouveau.
source-kept-gone = L’image gardée avec ce style enregistré n’existe plus. Enregistrez de nouveau le style avec son image.
source-cut-short = Le téléchargement de votre image depuis Discord a été interrompu. Veuillez réessayer.
source-failed = Je n'ai pas pu télécharger votre image depuis Discord. Veuillez réessayer dans un instant.
source-not-an-image = Ce fichier n'est pas une image PNG, JPEG ou WebP. Veuillez joindre une image dans l'un de ces formats.
source-too-many-pixels = Votre image mesure { $width }×{ $height } pixels ; j'accepte au plus { $side } pixels de côté et { $megapixels } mégapixels au total. Veuillez joindre une image plus petite.
source-damaged = Votre fichier ressemble à une image, mais il est endommagé ou incomplet : je n'ai pas pu le lire. Veuillez le joindre à nouveau.
source-cannot-fit = Je n'ai pas réussi à réduire suffisamment votre image pour ce modèle. Veuillez joindre une image plus petite.
source-encode = Un problème est survenu pendant la préparation de votre image pour le modèle. Veuillez réessayer.
source-mask-mismatch = Votre masque mesure { $mask } pixels, mais votre image { $image }. Veuillez le dessiner sur une copie de l'image, à la même taille (en blanc ce qui doit changer, en noir ce qui doit rester).
source-markup-mismatch = Vos annotations mesurent { $mask } pixels, mais votre image { $image }. Veuillez les dessiner sur une copie de l'image, à la même taille.

## Une demande que le catalogue n'autorise pas

invalid-unknown-model = `{ $model }` n'est pas un modèle proposé par ce bot. Choisissez parmi : { $offered }.
invalid-empty-prompt = Veuillez saisir un prompt qui décrit l'image souhaitée.
invalid-prompt-too-long = Votre prompt compte { $length } caractères ; `{ $model }` en accepte { $max } au maximum.
invalid-not-allowed = `{ $model }` ne propose pas la valeur `{ $value }` pour l'option { $option }. Valeurs possibles : { $allowed }.
invalid-no-styles = `{ $model }` ne prend pas de style ; n'utilisez pas l'option style.
invalid-count = `{ $model }` crée de { $min } à { $max } images par demande ; vous en avez demandé { $count }.
invalid-variation-unsupported = `{ $model }` ne sait pas créer de variations. Modèles compatibles : { $capable }.
invalid-missing-image = Veuillez joindre l'image dont vous voulez une variation.
invalid-blend-unsupported = `{ $model }` ne sait pas fusionner d'images ni suivre une référence. Modèles compatibles : { $capable }.
invalid-blend-count = { $max ->
    [2] Veuillez joindre exactement 2 images à fusionner (vous en avez joint { $given }).
   *[other] Veuillez joindre de 2 à { $max } images à fusionner (vous en avez joint { $given }).
}
invalid-edit-unsupported = `{ $model }` ne sait pas modifier d'images. Modèles compatibles : { $capable }.
invalid-option-unsupported = `{ $model }` ne gère pas ce réglage ({ $option }) : retirez-le ou choisissez un modèle qui le gère : { $capable }.
invalid-style-picture-unsupported = Ce style enregistré garde une image de référence, que `{ $model }` ne peut pas utiliser. Choisissez un modèle qui le peut : { $capable }.
invalid-tuning-range = La valeur de { $option } doit être comprise entre { $min } et { $max } ; veuillez en choisir une autre.
invalid-seed = La graine doit être un nombre entier compris entre -1 et 4294967295 ; vous avez indiqué { $seed }.
invalid-styles = Veuillez indiquer de 1 à { $max } styles, séparés par des virgules.
invalid-styles-unsupported = `{ $model }` ne peut pas créer une seule image par style ; choisissez un autre modèle pour `/styles`.
invalid-not-an-image = `{ $file }` n'est pas une image. Veuillez joindre une image PNG, JPEG ou WebP.
invalid-image-too-large = `{ $file }` pèse { $size } Mo ; je n'accepte pas d'image de plus de { $max } Mo.

# Le nom des options d'une demande dans ces phrases.
option-word-size = taille
option-word-quality = qualité
option-word-style = style
option-word-steps = étapes
option-word-cfg_scale = cfg_scale
option-word-sampler = sampler
option-word-markup = annotations
option-word-mask = masque
option-word-reference = référence
option-word-tuning = étapes, cfg_scale ou sampler

## Limites

limit-cooldown = Veuillez patienter un peu entre deux demandes : vous pourrez recommencer { $when }.
limit-when-one-finishes = dès que l'une des demandes en cours sera terminée
limit-in-flight = { $limit ->
    [one] Vous avez déjà { $limit } demande d'image en cours, le maximum autorisé à la fois. Veuillez attendre qu'elle se termine.
   *[other] Vous avez déjà { $limit } demandes d'images en cours, le maximum autorisé à la fois. Veuillez attendre que l'une d'elles se termine.
    }
limit-images-per-day = Limite quotidienne d'images atteinte : il vous en reste { $left } sur { $limit } par 24 h, et cette demande en nécessite { $needed }. Vous en récupérerez { $when }.
limit-user-usd = Votre budget quotidien est presque épuisé : il reste { $left } sur { $limit } par 24 h, et cette demande coûte environ { $needed }. Du budget se libérera { $when }.
limit-guild-usd = Le budget quotidien d'images de ce serveur est presque épuisé : il reste { $left } sur { $limit }, et cette demande coûte environ { $needed }. Du budget se libérera { $when }.
limit-personal-usd = Votre budget quotidien personnel (pour utiliser Easel en dehors des serveurs qui l'ont installé) est presque épuisé : il reste { $left } sur { $limit } par 24 h, et cette demande coûte environ { $needed }. Du budget se libérera { $when }.
limit-global-usd = Le budget mensuel du bot est presque épuisé : il reste { $left }, et cette demande coûte environ { $needed }. Il sera renouvelé { $when }.
limit-bad-value-whole = `{ $value }` n'est pas une valeur possible pour `{ $limit }` : indiquez un nombre entier de { $min } à { $max } ({ $unit }), ou `none` pour ne fixer aucune limite.
limit-bad-value = `{ $value }` n'est pas une valeur possible pour `{ $limit }` : indiquez un nombre de { $min } à { $max } ({ $unit }), ou `none` pour ne fixer aucune limite.
limit-unit-seconds = secondes
limit-unit-jobs = tâches simultanées
limit-unit-images = images
limit-unit-usd = dollars US
limit-none = aucune limite
limit-seconds = { $seconds } s

## /utilisation

usage-heading = **Votre utilisation d'Easel**
usage-label-cooldown = Délai entre deux demandes
usage-label-in-flight = Images en cours
usage-label-images = Images (24 h)
usage-label-user-usd = Votre budget (24 h)
usage-label-guild-usd = Budget du serveur (24 h)
usage-label-global-usd = Budget du bot (ce mois-ci)
usage-exempt = **{ $label }** : ne s'applique pas à vous (Gérer le serveur)
usage-cooldown-waiting = **{ $label }** : { $limit }, prochaine demande possible { $when }
usage-cooldown-ready = **{ $label }** : { $limit }, vous pouvez faire une demande dès maintenant
usage-unlimited = **{ $label }** : { $used }, sans limite
usage-used = **{ $label }** : { $used } sur { $limit }, il reste { $left }
usage-cancelled = { $count ->
    [one] -# Inclut { $count } image que vous avez annulée après le démarrage du modèle, comptée à son coût estimé ({ $usd }) : le fournisseur facture tout appel commencé.
   *[other] -# Inclut { $count } images que vous avez annulées après le démarrage du modèle, comptées à leur coût estimé ({ $usd }) : le fournisseur facture tout appel commencé.
    }
usage-latest-failure = Votre dernière demande privée restée sans image ({ $when }, tâche { $job }) : { $reason }

## Le message d'une tâche en attente ou en cours ; annulation

progress-next = Votre demande est la prochaine dans la file d'attente de `{ $model }`.
progress-place = Votre demande est en { ORDINAL($place) ->
    [one] { $place }re
   *[other] { $place }e
    } position dans la file d'attente de `{ $model }`.
progress-step = Création de votre image avec `{ $model }` : étape { $step } sur { $steps }…
progress-running = Création de votre image avec `{ $model }`…
progress-cancelled-by = Demande annulée par { $member }.
progress-backend-down = Le service d'images de ce modèle ne répond pas pour le moment. Votre demande garde sa place et sera traitée dès son retour ; vous pouvez l'annuler d'ici là.
button-cancel = Annuler
cancel-nothing-charged = Rien n'a été facturé.
cancel-charged-estimate = Le modèle avait déjà démarré : la demande est donc comptée dans les limites à son coût estimé ({ $estimate }).
cancel-done = Demande annulée.
cancel-not-found = Je ne trouve pas cette demande.
cancel-not-yours = Seuls le membre qui a demandé cette image ou un modérateur peuvent l'annuler.
cancel-already-finished = Cette demande est déjà terminée : il n'y a plus rien à annuler.
cancel-failed = Un problème est survenu pendant l'annulation de cette demande. Veuillez réessayer.
cancel-nothing-active = Vous n'avez aucune demande d'image en attente ou en cours.
cancel-lookup-failed = Un problème est survenu pendant la recherche de vos demandes. Veuillez réessayer.

## Un résultat

result-title-generate = Votre image
result-title-hd = Votre image HD
result-title-variation = Votre variation
result-title-edit = Votre image modifiée
result-title-styles = Votre comparaison de styles
result-title-extend = Votre image étendue
result-title-blend = Votre fusion
result-title-describe = Prompts pour votre image
result-describe-intro = Utilisez-en un tel quel ou modifiez-le d'abord : chaque bouton ouvre /générer avec ce prompt.
result-variation-description = Une variation de votre image
result-footer = Tâche { $job } · /afficher { $job }
result-cost-usage = { $cost } (d'après les jetons consommés)
result-cost-catalogue = { $cost } (prix catalogue)
result-ai-generated = Indiqué dans les métadonnées de chaque fichier
result-ready = { $member }, votre image est prête.
result-fetched-again = Récupéré à nouveau depuis son message sur Discord.
result-gallery-credit = Demandée par { $requester } · approuvée par { $moderator }
field-revised-prompt = Prompt révisé
field-model = Modèle
field-size = Taille
field-quality = Qualité
field-cost = Coût
field-ai-generated = Généré par IA
field-requested-by = Demandé par
field-from = Origine
result-from = Tâche { $job }
field-draft = Brouillon
result-draft = Réalisé en `{ $quality }`, la qualité la moins chère. « Améliorer » le refait en `{ $top }` pour environ { $estimate }.
field-seeds = { $count ->
    [one] Graine
   *[other] Graines
    }
field-parameters = Paramètres
field-negative-prompt = Prompt négatif
field-styles = Styles
field-prompt-sent = Prompt envoyé au modèle (en anglais)
button-reroll = Relancer
button-enhance = Améliorer
button-pan-left = ⬅️ Étendre
button-pan-right = ➡️ Étendre
button-pan-up = ⬆️ Étendre
button-pan-down = ⬇️ Étendre
button-zoom-out = Dézoomer { $factor }×
button-edit = Modifier
button-delete = Supprimer
button-vary = Varier
button-vary-numbered = Varier { $number }
button-hd = HD
button-hd-numbered = HD { $number }
button-upscale-creative = Agrandir (créatif)
button-use-numbered = Utiliser { $number }
delete-not-yours = Seuls le membre qui a demandé cette image ou un modérateur peuvent la supprimer.
delete-done = Message supprimé.
delete-failed = Je n'ai pas pu supprimer ce message. Veuillez réessayer dans un instant.
click-other-server = Ce résultat appartient à un autre serveur : ses boutons ne fonctionnent que là-bas.
click-private = Ce résultat est réservé au membre qui l'a demandé.
click-not-on-record = Ce résultat ne figure plus dans mes archives : ses boutons ne peuvent donc plus fonctionner. Veuillez refaire la demande avec `/générer`.
edit-modal-title = Modifier cette image
edit-modal-instruction = Que faut-il changer ?
edit-modal-placeholder = Ex. : ajoutez une écharpe rouge au renard
edit-modal-which = Quelle image (de 1 à { $count }) ?
generate-modal-title = Générer
generate-modal-prompt = Prompt
menu-no-image = Ce message ne contient aucune image utilisable par Easel. Veuillez choisir un message avec une image PNG, JPEG ou WebP.
menu-which-image = Quelle image ? Choisissez-en une :
menu-image-numbered = Image { $number }
menu-expired = Ce choix a expiré. Veuillez utiliser à nouveau le menu Applications du message.
edit-which-number = Veuillez indiquer le numéro de l'image, par exemple 1 ou 2.
edit-no-such-image = Je ne trouve pas d'image n° { $number } dans ce message.

## /afficher

show-unknown = Aucune tâche d'image `{ $job }` ne figure dans mes archives.
show-not-yours = Seuls le membre qui a demandé cette image ou un modérateur peuvent l'afficher à nouveau.
show-not-delivered = Cette tâche n'a pas été livrée (état : { $state }) : il n'y a rien à afficher.
show-gone = Les images de cette tâche ne sont plus conservées, et je ne sais pas où elles ont été publiées.
show-private = Ce résultat est privé.
show-deleted = Ce résultat a été supprimé de Discord et ses images ne sont plus conservées : je ne peux donc pas l'afficher.
show-unreachable = Je n'arrive pas à accéder au message de ce résultat sur Discord pour le moment. Veuillez réessayer.
show-download-failed = Je n'ai pas pu télécharger les images de ce résultat depuis Discord pour le moment. Veuillez réessayer.
show-unreadable = Les images de ce résultat ne sont plus lisibles.
show-emptied = Le message de ce résultat ne contient plus ses images : je ne peux donc pas l'afficher.
job-state-queued = en attente
job-state-running = en cours
job-state-delivered = livrée
job-state-failed = échouée
job-state-cancelled = annulée

## /préférences

settings-heading = **Vos préférences**
settings-saved = C'est enregistré. Vos préférences sont désormais :
settings-cleared = Vos préférences ont été effacées.
settings-read-failed = Je n'ai pas pu lire vos préférences pour le moment. Veuillez réessayer.
settings-save-failed = Je n'ai pas pu enregistrer vos préférences pour le moment. Veuillez réessayer.
settings-model = Modèle : { $value }
settings-size = Taille : { $value }
settings-quality = Qualité : { $value }
settings-style = Style : { $value }
settings-suffix = Suffixe du prompt : { $value }
settings-language = Langue : { $value }
settings-drafts-on = Brouillons : activés (/générer crée des brouillons bon marché avec un bouton Améliorer)
settings-drafts-off = Brouillons : désactivés
style-saved = Style `{ $name }` enregistré. Choisissez-le comme style de /générer pour ajouter ses mots à un prompt.
style-saved-with-picture = Style `{ $name }` enregistré avec son image de référence. Choisissez-le comme style de /générer pour ajouter ses mots et son image à un prompt (avec les modèles qui acceptent une référence).
style-deleted = Style `{ $name }` supprimé.
style-not-found = Il n'y a pas de style `{ $name }`.
style-bad-name = Le nom d'un style doit compter 1 à { $max } lettres, chiffres, espaces, - ou _.
style-bad-text = Les mots d'un style doivent compter 1 à { $max } caractères.
style-too-many = Vous pouvez garder au plus { $max } styles ; supprimez-en un d'abord.
style-moderators-only = Seuls les modérateurs du serveur peuvent enregistrer ou supprimer ses styles.
style-refused = Ces mots enfreignent les règles de ce serveur pour les demandes d'images : le style n'a donc pas été enregistré. Veuillez les reformuler.
style-refused-personal = Ces mots enfreignent les règles fixées par le propriétaire d'Easel pour les demandes d'images : le style n'a donc pas été enregistré. Veuillez les reformuler.
style-list-mine = **Vos styles**
style-list-server = **Les styles de ce serveur**
style-list-picture = avec une image de référence
settings-results-private = Résultats : visibles uniquement par vous
settings-results-public = Résultats : publiés pour tout le monde
settings-server-default = valeur par défaut du serveur (`{ $model }`)
settings-model-default = valeur par défaut du modèle
settings-discord-language = votre langue Discord ({ $language })
settings-unknown-model = `{ $model }` n'est pas un modèle proposé par ce bot ; consultez `/aide` pour en voir la liste.
settings-not-offered = `{ $model }` ne propose pas la valeur `{ $value }` pour l'option { $option }.
settings-suffix-too-long = Votre suffixe de prompt compte { $length } caractères ; le maximum est de { $max }.
settings-retired-default = Votre modèle par défaut, `{ $old }`, a été retiré : `{ $replacement }` le remplace (il est désormais enregistré comme modèle par défaut ; vous pouvez le changer avec `/préférences`).

## /aide

help-title = Easel : créer des images ensemble
help-formula-rule = **Sujet + action ou état + style + décor + détails + termes de qualité.**
help-formula-explain = Dites ce que montre l'image, ce que fait le sujet, dans quel style elle est réalisée, où se passe la scène, les détails qui comptent et le niveau de finition souhaité.
help-example-one = **Exemple 1** : un renard roux · endormi, roulé en boule · aquarelle · dans une forêt de bouleaux enneigée · douce lumière du matin · très détaillé
help-example-one-command = `/générer prompt: Un renard roux endormi, roulé en boule, aquarelle, dans une forêt de bouleaux enneigée, douce lumière du matin, très détaillé`
help-example-two = **Exemple 2** : un gardien de phare · lisant à la lueur d'une lampe · peinture à l'huile · dans une tour de pierre pendant une tempête · pluie sur la vitre, lumière chaude · chef-d'œuvre, grande netteté
help-example-two-command = `/générer prompt: Un gardien de phare lisant à la lueur d'une lampe, peinture à l'huile, dans une tour de pierre pendant une tempête, pluie sur la vitre, lumière chaude, chef-d'œuvre, grande netteté`
help-styles-tip = Vous hésitez sur le style ? `/styles sujet: un phare au crépuscule` montre un même sujet dans quatre styles, côte à côte.
help-commands =
    `/générer` transforme un prompt en images · `/hd` idem, à la qualité maximale du modèle
    `/variation` réinterprète une image envoyée · `/modifier` retouche une image envoyée (un masque délimite la zone)
    `/styles` décline un sujet en 4 styles au plus · `/afficher` republie un résultat avec ses boutons
    `/préférences` vos réglages par défaut · `/utilisation` votre consommation · `/annuler` votre demande en attente
    Boutons sous un résultat : Relancer, Varier, HD, Modifier, Supprimer.
    Modérateurs : `/modération` · Gestionnaires du serveur : `/limites`
help-describe = `/décrire` transforme une image en prompts utilisables (ou, sur un message : Applications → Décrire avec Easel)
help-blend = `/fusionner` réunit 2 à 5 images en une seule
help-reference = `/générer référence:` une image de référence à respecter
help-menus = Sur un message avec une image, dans son menu Applications : Modifier avec Easel, Varier avec Easel
help-studio = `/style enregistrer` des mots (et une image) sous un nom à choisir comme `style` · `brouillon:true` un premier essai bon marché, puis Améliorer · Sous une image seule : ⬅️➡️⬆️⬇️ Étendre, Dézoomer 1,5× ou 2×, Agrandir (créatif)
help-section-commands = Commandes
help-section-studio = Studio
help-section-models = Modèles disponibles ici (prix d'une image à la taille et à la qualité par défaut)
help-section-limits = Vos limites
help-limits-none = Aucune limite définie.
help-model = `{ $model }` : { $price }
help-model-default = `{ $model }` (par défaut) : { $price }
help-model-free = auto-hébergé, gratuit
help-model-translates = les prompts rédigés dans n'importe quelle langue sont traduits en anglais pour ce modèle
help-model-english-only = ne comprend que les prompts en anglais

## Modérateurs et gestionnaires du serveur : /limites, /modération

admin-log-channel = Le journal de modération d'Easel est désormais publié dans { $channel }.
admin-rule-added = Entrée ajoutée à la liste noire : { $kind } `{ $pattern }`. Les prompts correspondants sont refusés avant tout appel à un modèle.
admin-rule-exists = Cette entrée figurait déjà dans la liste noire : { $kind } `{ $pattern }`.
admin-rule-removed = Entrée retirée de la liste noire : { $kind } `{ $pattern }`.
admin-rule-missing = Cette entrée ne figurait pas dans la liste noire : { $kind } `{ $pattern }`.
admin-limit-set = `{ $limit }` pour { $whom } vaut désormais { $value }.
admin-reset-server = { $count ->
    [one] { $count } réglage réinitialisé pour ce serveur (tous ses réglages) ; les valeurs par défaut s'appliquent de nouveau.
   *[other] { $count } réglages réinitialisés pour ce serveur (tous ses réglages) ; les valeurs par défaut s'appliquent de nouveau.
    }
admin-reset = { $count ->
    [one] { $count } réglage réinitialisé pour { $whom } ; les valeurs par défaut s'appliquent de nouveau.
   *[other] { $count } réglages réinitialisés pour { $whom } ; les valeurs par défaut s'appliquent de nouveau.
    }
admin-blocked-until = { $member } ne peut plus utiliser Easel sur ce serveur ; le blocage prend fin { $when }.
admin-blocked = { $member } ne peut plus utiliser Easel sur ce serveur jusqu'à son déblocage.
admin-unblocked = { $member } peut de nouveau utiliser Easel sur ce serveur.
admin-not-blocked = { $member } ne faisait l'objet d'aucun blocage.
admin-not-manager = Seuls les membres disposant de la permission « Gérer le serveur » peuvent { $action }.
admin-not-moderator = Seuls les modérateurs de ce serveur (permission « Gérer les messages », « Exclure temporairement des membres » ou « Gérer le serveur ») peuvent { $action }.
admin-pattern-length = Une entrée de la liste noire doit compter de 1 à 200 caractères.
admin-pattern-no-letter = Un mot interdit doit contenir au moins une lettre ou un chiffre.
admin-pattern-regex = Cette expression régulière ne compile pas : { $why }
admin-not-in-server = Les limites sont propres à un serveur : utilisez cette commande sur un serveur.
admin-unknown-limit = `{ $limit }` n'est pas une limite qu'un serveur peut définir.
admin-server-only = `{ $limit }` est le budget propre au serveur : définissez-le sans indiquer de membre ni de rôle.
admin-above-owner-cap = Le propriétaire du bot plafonne le budget quotidien d'un serveur à { $max } : choisissez une valeur comprise entre 0 et ce plafond.
admin-bad-hours = Un blocage dure plus de 0 heure et au plus { $max } heures (un an) ; omettez `heures` pour bloquer jusqu'au déblocage.
admin-no-reason = aucune raison indiquée
admin-block-reason = { $reason } (par { $moderator })
admin-store-failed = Un problème est survenu pendant l'enregistrement ; rien n'a été modifié.
action-choose-log-channel = choisir le salon du journal de modération d'Easel
action-change-blocklist = modifier la liste noire
action-read-blocklist = consulter la liste noire
action-read-history = consulter l'historique des tâches d'Easel
action-see-limits = voir les limites d'Easel
action-change-limits = modifier les limites d'Easel
action-block-members = bloquer l'accès de membres à Easel
action-lift-block = lever un blocage
rule-kind-word = mot
rule-kind-regex = regex
whom-server = ce serveur
whom-role = les membres ayant le rôle { $role }
blocklist-empty = La liste noire est vide.
blocklist-heading = **Liste noire** ({ $count ->
    [one] { $count } entrée
   *[other] { $count } entrées
    })
limits-heading-server = **Limites de ce serveur**
limits-heading-member = **Limites de { $member }**
limits-role-tiers = Paliers par rôle : { $tiers }
limits-blocked-until = Blocage (prend fin { $when }) : { $reason }
limits-blocked = Blocage (jusqu'au déblocage) : { $reason }
limits-managers-exempt = Les membres disposant de la permission « Gérer le serveur » sont exemptés des limites par membre.
limits-managers-held = Les membres disposant de la permission « Gérer le serveur » sont soumis aux limites par membre.
history-empty-server = Aucune tâche à la page { $page } sur { $pages } pour ce serveur.
history-empty-member = Aucune tâche à la page { $page } sur { $pages } pour { $member }.
history-heading-server = **Tâches Easel de ce serveur** : page { $page } sur { $pages } ({ $total } au total)
history-heading-member = **Tâches Easel de { $member }** : page { $page } sur { $pages } ({ $total } au total)
history-line = { $time } { $member } /{ $command } { $model } · **{ $outcome }**{ $reason } · { $cost } · « { $prompt } »{ $link } · tâche { $job }{ $from }
history-result = résultat
history-newer = ◀ Plus récentes
history-older = Plus anciennes ▶
report-moderators-only = Seuls les modérateurs peuvent consulter les dépenses du serveur.
report-read-failed = Je n'ai pas pu lire les dépenses du serveur pour le moment. Veuillez réessayer.
report-heading = { $images ->
    [one] **Dépenses d'images de ce serveur sur les { $days } derniers jours** : { $usd } pour { $images } image.
   *[other] **Dépenses d'images de ce serveur sur les { $days } derniers jours** : { $usd } pour { $images } images.
    }
report-failed = Dépensé pour des tâches échouées (le modèle avait répondu, mais rien n'a pu être livré ; aucun membre n'a été facturé) : { $usd }.
report-top = **Principaux demandeurs**
report-community = demandes communautaires
report-line = { $rank }. { $who } : { $usd }, { $images ->
    [one] { $images } image
   *[other] { $images } images
    }

## Le journal de modération

outcome-delivered = livrée
outcome-refused-by-provider = refusée par le fournisseur
outcome-refused-by-rules = refusée par les règles du serveur
outcome-failed = échouée
log-title = /{ $command } : { $outcome }
log-jump = Aller à l'image
log-footer = Tâche { $job }
log-cancelled-by = Annulé par { $member }
field-requester = Demandeur
field-channel = Salon
field-result = Résultat
field-command = Commande
field-outcome = Issue
field-reason = Raison
notice-model-retired = **Modèle retiré** : `{ $model }` n'est plus disponible, il n'est donc plus proposé. Les demandes qui le visent utilisent désormais `{ $replacement }`.
notice-model-retiring-tomorrow = **Retrait de modèle** : `{ $model }` cessera de fonctionner le { $date } (demain).
notice-model-retiring = **Retrait de modèle** : `{ $model }` cessera de fonctionner le { $date } (dans { $days } jours).
notice-move-to = Passez à `{ $replacement }` (les membres peuvent déjà le choisir).
spend-server-used-up = **Alerte de dépenses** : le budget quotidien d'images de ce serveur est épuisé, avec { $spent } sur { $budget } dépensés au cours des dernières 24 heures ({ $percent } %). Les nouvelles demandes sont refusées jusqu'à ce que du budget se libère.
spend-server-passed = **Alerte de dépenses** : le budget quotidien d'images de ce serveur a dépassé { $percent } % ({ $spent } sur { $budget } dépensés au cours des dernières 24 heures).
spend-bot-used-up = **Alerte de dépenses** : le budget mensuel d'images du bot est épuisé, avec { $spent } sur { $budget } dépensés ce mois-ci ({ $percent } %). Les nouvelles demandes sont refusées jusqu'à ce que du budget se libère.
spend-bot-passed = **Alerte de dépenses** : le budget mensuel d'images du bot a dépassé { $percent } % ({ $spent } sur { $budget } dépensés ce mois-ci).

## Demandes communautaires

desk-posted = Votre demande a été publiée dans { $channel } pour approbation par les modérateurs ; vous recevrez la réponse en message privé. Les membres peuvent voter pour elle dans ce salon.
desk-approved = Demande approuvée. L'image est en cours de création, aux frais du serveur, et sera publiée.
desk-approved-in = Demande approuvée. L'image est en cours de création, aux frais du serveur, et sera publiée dans { $gallery }.
desk-denied = Demande refusée ; la raison a été communiquée au demandeur.
desk-denied-to-requester = Votre demande « { $prompt } » n'a pas été approuvée par les modérateurs. Raison indiquée : { $reason }
desk-delivered-to-requester = Votre demande « { $prompt } » a été approuvée par { $moderator }, et l'image vous attend dans la galerie : { $link }
desk-outside-servers = Les demandes ne fonctionnent que sur les serveurs.
desk-no-channel = Ce serveur n'a pas encore de salon de demandes : un modérateur peut en choisir un avec `/demandes salon`.
desk-too-many-open = { $count ->
    [one] Vous avez déjà { $count } demande ouverte ici, le maximum autorisé à la fois. Veuillez attendre que les modérateurs se prononcent.
   *[other] Vous avez déjà { $count } demandes ouvertes ici, le maximum autorisé à la fois. Veuillez attendre que les modérateurs se prononcent sur l'une d'elles.
    }
desk-starting = Easel est encore en train de démarrer. Veuillez réessayer dans un instant.
desk-cannot-post = Je n'ai pas pu publier dans { $channel } : veuillez demander à un modérateur de m'autoriser à y envoyer des messages.
desk-no-such-request = Cette demande ne figure pas dans mes archives.
desk-own-request = Vous ne pouvez pas voter pour votre propre demande.
desk-voter-blocked = Vous ne pouvez pas voter tant que votre accès à Easel est bloqué sur ce serveur.
desk-already-voted = Vous avez déjà voté pour cette demande.
desk-decided = Une décision a déjà été prise pour cette demande.
desk-not-started = Je n'ai pas pu lancer la création, la demande reste donc ouverte : { $why }
desk-not-decider = Seuls les modérateurs (permission « Gérer les messages » ou rôle de modération des demandes du serveur) peuvent approuver ou refuser des demandes.
desk-not-saved = Je n'ai pas pu enregistrer cela pour le moment. Veuillez réessayer.
desk-no-open = Il n'y a aucune demande ouverte.
desk-managers-only = Seuls les membres qui peuvent gérer le serveur peuvent modifier le tableau des demandes.
desk-channel-set = Les fiches de demande seront publiées dans { $channel }.
desk-gallery-set = Les résultats approuvés seront publiés dans { $channel }.
desk-moderators-set = Les membres ayant le rôle { $role } peuvent approuver et refuser des demandes.
desk-need-role = Veuillez indiquer, avec l'option `rôle`, le rôle dont les membres sont dispensés d'approbation.
desk-need-cost = Veuillez indiquer le coût (`usd`, de 0 à 1000) au-delà duquel les demandes doivent être approuvées.
desk-need-channel = Veuillez d'abord choisir un salon de demandes, avec `/demandes salon`.
desk-policy-off = Les demandes n'ont plus besoin d'être approuvées : les images des membres sont imputées sur leur propre budget.
desk-policy-everyone = Les demandes de tous les membres doivent désormais être approuvées par un modérateur.
desk-policy-without-role = Les demandes des membres sans le rôle { $role } doivent désormais être approuvées par un modérateur.
desk-policy-over-cost = Les demandes estimées à plus de { $usd } doivent désormais être approuvées par un modérateur.
desk-list-heading = **Demandes ouvertes**
desk-list-line = { $rank }. **{ $prompt }** par { $member } · { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
    } · ~{ $usd } · { $when }{ $link }
card-title = Demande communautaire
card-waiting = En attente d'un modérateur
card-approved-by = Approuvée par { $moderator }
card-denied-by = Refusée par { $moderator } : { $reason }
card-estimated-cost = Coût estimé
card-votes = Votes
card-status = Statut
card-note = Note
card-footer = Demande { $request }
card-approve = Approuver
card-deny = Refuser
card-vote = Voter ({ $votes })
deny-modal-title = Refuser cette demande
deny-modal-reason = Pourquoi ? (communiqué au demandeur)

## Les commandes telles que Discord les affiche (noms : minuscules, sans espace, 32 caractères au plus ;
## descriptions : 100 caractères au plus). Un nom d'option est commun à toutes les commandes qui l'ont.

name-add = ajouter
name-block = bloquer
name-blocklist = liste-noire
name-cancel = annuler
name-cfg_scale = cfg_scale
name-channel = salon
name-edit = modifier
name-gallery = galerie
name-generate = générer
name-hd = hd
name-help = aide
name-history = historique
name-hours = heures
name-image = image
name-job = tâche
name-limit = limite
name-limits = limites
name-list = liste
name-log-channel = salon-journal
name-markup = annotations
name-mask = masque
name-mode = mode
name-model = modèle
name-moderation = modération
name-moderators = modérateurs
name-n = nombre
name-negative_prompt = prompt_négatif
name-note = note
name-page = page
name-pattern = motif
name-policy = approbation
name-prompt = prompt
name-public = public
name-quality = qualité
name-reason = raison
name-reference = référence
name-name = nom
name-text = texte
name-scope = portée
name-save = enregistrer
name-delete = supprimer
name-regex = regex
name-remove = retirer
name-request = demande
name-requests = demandes
name-reset = réinitialiser
name-role = rôle
name-sampler = sampler
name-seed = graine
name-server = serveur
name-set = définir
name-settings = préférences
name-show = afficher
name-size = taille
name-sort = tri
name-steps = étapes
name-style = style
name-styles = styles
name-describe = décrire
name-draft = brouillon
name-blend = fusionner
name-image1 = image1
name-image2 = image2
name-image3 = image3
name-image4 = image4
name-image5 = image5
name-subject = sujet
name-suffix = suffixe
name-unblock = débloquer
name-usage = utilisation
name-usd = usd
name-user = membre
name-value = valeur
name-variation = variation

desc-generate = Transformer un prompt en image
desc-generate-prompt = Décrivez l'image souhaitée
desc-generate-model = Le modèle qui la dessine
desc-generate-size = Taille de l'image
desc-generate-quality = Niveau de qualité (plus il est élevé, plus c'est cher)
desc-generate-style = Un style que vous avez enregistré, ou celui du modèle (tapez pour les voir)
desc-generate-n = Nombre d'images
desc-generate-draft = D'abord un brouillon bon marché (qualité minimale) ; Améliorer le refait en qualité maximale
desc-generate-reference = Image d'une personne, d'un objet ou d'un produit à respecter, pour les modèles qui le gèrent
desc-generate-seed = Graine, pour reproduire un résultat (Stable Diffusion)
desc-generate-steps = Nombre d'étapes d'échantillonnage (Stable Diffusion)
desc-generate-cfg_scale = Degré de fidélité au prompt
desc-generate-sampler = Méthode d'échantillonnage (Stable Diffusion)
desc-generate-negative_prompt = Ce que l'image ne doit pas montrer
desc-hd = Transformer un prompt en image, à la qualité maximale du modèle
desc-hd-prompt = Décrivez l'image souhaitée
desc-hd-model = Le modèle qui la dessine
desc-hd-size = Taille de l'image
desc-variation = Créer une nouvelle version d'une image que vous envoyez
desc-variation-image = Une image PNG, JPEG ou WebP
desc-variation-prompt = Ce qu'il faut changer (facultatif)
desc-variation-model = Le modèle qui crée la variation
desc-variation-n = Nombre d'images
desc-cancel = Annuler votre dernière demande d'image en attente ou en cours
desc-styles = Voir un même sujet décliné en 4 styles au plus, côte à côte
desc-styles-subject = Ce qu'il faut dessiner, par ex. un phare au crépuscule
desc-styles-styles = Jusqu'à 4 styles, séparés par des virgules (défaut : photoréaliste, huile, aquarelle, cyberpunk)
desc-styles-model = Le modèle qui les dessine
desc-styles-size = Taille des images
desc-describe = Transformer une image en prompts utilisables
desc-describe-image = Une image PNG, JPEG ou WebP
desc-describe-model = Le modèle qui la décrit
desc-blend = Fusionner en une seule 2 à 5 images que vous envoyez
desc-blend-image1 = La première image
desc-blend-image2 = La deuxième image
desc-blend-image3 = Une troisième image
desc-blend-image4 = Une quatrième image
desc-blend-image5 = Une cinquième image
desc-blend-prompt = Comment les fusionner (facultatif)
desc-blend-model = Le modèle qui les fusionne
desc-blend-n = Nombre d'images
desc-edit = Modifier une image que vous envoyez, en entier ou seulement dans la zone d'un masque
desc-edit-image = Une image PNG, JPEG ou WebP
desc-edit-prompt = Ce qu'il faut changer
desc-edit-mask = Même taille que l'image : blanc là où elle doit changer, noir là où elle doit rester
desc-edit-markup = Votre consigne dessinée sur une copie de l'image (modèles qui gèrent les annotations)
desc-edit-model = Le modèle qui la modifie
desc-edit-n = Nombre d'images
desc-show = Republier l'un de vos résultats, avec ses boutons
desc-show-job = Le numéro de tâche indiqué sous le résultat
desc-settings = Vos préférences pour /générer (sans option : les afficher)
desc-settings-model = Votre modèle par défaut
desc-settings-size = Votre taille par défaut
desc-settings-quality = Votre qualité par défaut
desc-settings-style = Votre style par défaut
desc-settings-suffix = Mots ajoutés à la fin de chaque prompt (vide : aucun)
desc-settings-public = Publier les résultats pour tous (true) ou ne les montrer qu'à vous (false)
desc-settings-reset = Effacer toutes vos préférences
desc-help = Bien écrire vos prompts, toutes les commandes, les modèles et leurs prix, vos limites
desc-usage = Ce que vous avez consommé aujourd'hui et ce qu'il vous reste
desc-usage-server = Modérateurs : dépenses du serveur par jour sur 30 jours et principaux demandeurs
desc-limits = Voir ou modifier les limites d'Easel sur ce serveur
desc-limits-show = Afficher les limites du serveur ou d'un membre
desc-limits-show-user = Un membre
desc-limits-set = Définir une limite pour le serveur, un palier de rôle ou un membre
desc-limits-set-limit = La limite à définir
desc-limits-set-value = Un nombre, ou `none` pour ne fixer aucune limite
desc-limits-set-user = Un membre
desc-limits-set-role = Un rôle (palier de limites)
desc-limits-reset = Rétablir les valeurs par défaut du serveur, d'un rôle ou d'un membre
desc-limits-reset-user = Un membre
desc-limits-reset-role = Un rôle (palier de limites)
desc-limits-block = Empêcher un membre d'utiliser Easel sur ce serveur
desc-limits-block-user = Un membre
desc-limits-block-hours = Durée, jusqu'à un an (par défaut : jusqu'au déblocage)
desc-limits-block-reason = Raison, pour les modérateurs
desc-limits-unblock = Permettre à un membre bloqué d'utiliser de nouveau Easel
desc-limits-unblock-user = Un membre
desc-moderation = Outils de modération d'Easel
desc-moderation-log-channel = Le salon où Easel consigne chaque tâche
desc-moderation-log-channel-channel = Un salon textuel
desc-moderation-blocklist = Mots et motifs refusés
desc-moderation-blocklist-add = Refuser les prompts contenant ce mot ou ce motif
desc-moderation-blocklist-add-pattern = Un mot, une expression ou une regex
desc-moderation-blocklist-add-regex = Traiter le motif comme une expression régulière
desc-moderation-blocklist-remove = Ne plus refuser ce mot ou ce motif
desc-moderation-blocklist-remove-pattern = Un mot, une expression ou une regex
desc-moderation-blocklist-remove-regex = Traiter le motif comme une expression régulière
desc-moderation-blocklist-list = Afficher la liste noire
desc-moderation-history = Les dernières tâches d'un membre (ou de tous), avec leur issue
desc-moderation-history-user = Un membre
desc-moderation-history-page = Numéro de page
desc-moderation-unblock = Lever le blocage ou la suspension d'un membre
desc-moderation-unblock-user = Un membre
desc-request = Demander une image à la communauté : les modérateurs approuvent, le serveur paie
desc-request-prompt = Décrivez l'image souhaitée
desc-request-reference = Une image de référence
desc-request-note = Un mot pour les modérateurs
desc-requests = Le tableau des demandes communautaires
desc-requests-list = Les demandes ouvertes
desc-requests-list-sort = Ordre de tri
desc-requests-channel = Le salon où publier les fiches de demande (Gérer le serveur)
desc-requests-channel-channel = Le salon des demandes
desc-requests-gallery = Le salon où publier les résultats approuvés (Gérer le serveur)
desc-requests-gallery-channel = Le salon de la galerie
desc-requests-moderators = Un rôle autorisé à approuver et refuser les demandes (Gérer le serveur)
desc-requests-moderators-role = Le rôle
desc-requests-policy = Les demandes qui doivent d'abord être approuvées (Gérer le serveur)
desc-requests-policy-mode = Qui doit obtenir une approbation
desc-requests-policy-role = Pour `membres sans un rôle donné`
desc-requests-policy-usd = Pour `demandes au-delà d'un coût` : montant en USD
desc-settings-language = La langue dans laquelle Easel vous répond (par défaut : celle de votre Discord)
desc-settings-draft = Faire de chaque image de /générer un brouillon bon marché, sauf indication contraire
desc-hd-style = Un style que vous avez enregistré, ou celui du modèle (tapez pour les voir)
desc-style = Vos styles enregistrés : des mots ajoutés à un prompt en choisissant leur nom comme style
desc-style-save = Enregistrer des mots sous un nom
desc-style-save-name = Le nom du style
desc-style-save-text = Les mots qu'il ajoute à un prompt
desc-style-save-scope = Pour vous seul, ou pour tout le serveur (modérateurs)
desc-style-save-reference = Une image que le style respecte (modèles qui acceptent une référence)
desc-style-list = Vos styles et ceux du serveur
desc-style-delete = Supprimer un style
desc-style-delete-name = Le nom du style
desc-style-delete-scope = Pour vous seul, ou pour tout le serveur (modérateurs)
name-language = langue

# Commandes de message, telles que le menu Applications d'un message les nomme (mots, majuscules et
# espaces autorisés ; 32 caractères au plus).
menu-edit-with-easel = Modifier avec Easel
menu-vary-with-easel = Varier avec Easel
menu-describe-with-easel = Décrire avec Easel

# Choix fixes (les noms de modèles, les tailles et les qualités restent tels quels).
choice-mine = le mien
choice-server = serveur
choice-most-votes = les plus votées
choice-oldest = les plus anciennes
choice-nobody-off = personne (désactivé)
choice-everyone = tout le monde
choice-members-without-a-role = membres sans un rôle donné
choice-requests-over-a-cost = demandes au-delà d'un coût
choice-my-discord-language = ma langue Discord
