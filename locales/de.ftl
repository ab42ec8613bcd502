# Easels Texte auf Deutsch (de): die Übersetzung von en-US.ftl. Fehlt hier eine Nachricht, zeigt Easel
# stattdessen die englische Fassung.
#
# Glossar (Easels feste Begriffe; jeder wird überall mit demselben Wort übersetzt):
#   job → Auftrag: eine Bildanfrage, die Easel ausführt (mit Nummer, angezeigt als „Auftrag 123“).
#   queue → Warteschlange: die Aufträge, die auf ein Modell warten.
#   budget → Budget: Geld, das ein Server, ein Mitglied oder der Bot für Bilder ausgeben darf.
#   limit → Limit: eine Regel, die ein Server festlegt (Wartezeit, Bilder pro Tag, Budgets).
#   block → Sperre (sperren, entsperren): Ein Moderator schließt ein Mitglied von Easel aus.
#   pause → Pause (pausiert): Easel stoppt ein Mitglied nach wiederholten Ablehnungen.
#   blocklist → Sperrliste: Wörter und Muster, die ein Server in Prompts ablehnt.
#   moderation log → Moderations-Log: der Kanal, in dem Easel jeden Auftrag für die Moderatoren protokolliert.
#   community request → Community-Anfrage: Ein Mitglied bittet den Server, ein Bild zu bezahlen;
#     Moderatoren genehmigen oder lehnen ab.
#   gallery → Galerie: der Kanal, in dem genehmigte Community-Anfragen gepostet werden.
#   Re-roll, Vary, HD, Edit, Delete → Neu würfeln, Variieren, HD, Bearbeiten, Löschen (die Buttons unter einem Ergebnis).
#   prompt → Prompt (der Prompt): die Wörter, die das Bild beschreiben.
#   model → Modell: der Bilddienst, der das Bild zeichnet.
#   server → Server; moderator → Moderator (Moderatoren).
#
# Anrede: du. Variablen in { $Klammern } füllt Easel aus; jede bleibt erhalten (ein Test prüft das).
# Discord-Markup (`Code`, **fett**, -# Kleingedrucktes) bleibt wie geschrieben. Eine Zeile einer
# mehrzeiligen Nachricht darf nicht mit [, * oder . beginnen (Regel von Fluent).

## Allgemein

job-footnote = -# Auftrag { $job }
not-charged = Dir wurde nichts berechnet.
list-none = keine
generic-failure = Bei mir ist etwas schiefgelaufen. Bitte versuche es noch einmal.
servers-only = Easel funktioniert auf Servern, wo die Limits und Moderatoren des jeweiligen Servers gelten. Bitte nutze es in einem Serverkanal.
not-enabled = Easel ist auf diesem Server nicht aktiviert. Wer den Bot betreibt, legt fest, auf welchen Servern er läuft.
choose-subcommand = Bitte wähle einen Unterbefehl.
unknown-subcommand = Unbekannter Unterbefehl.
choose-channel = Bitte wähle einen Kanal.
choose-member-to-block = Bitte wähle das Mitglied, das gesperrt werden soll.
choose-member-to-unblock = Bitte wähle das Mitglied, das entsperrt werden soll.

## Warum ein Auftrag kein Bild ergeben hat

refusal-category-sexual = sexuelle Inhalte
refusal-category-self-harm = Selbstverletzung
refusal-category-violence = Gewalt
refusal-category-hate = Hass oder Belästigung
refusal-category-illegal = illegale Aktivitäten
refusal-category-real-people = reale Personen oder geschützte Werke
refusal-category-unnamed = die Sicherheitsregeln des Anbieters

failure-queue-full-server = Easel ist ausgelastet: Die Warteschlange dieses Servers für Bildanfragen ist voll. Bitte versuche es in ein paar Minuten noch einmal; dir wurde nichts berechnet.
failure-queue-full-bot = Easel ist gerade stark ausgelastet: Die Warteschlange für Bildanfragen ist voll. Bitte versuche es in ein paar Minuten noch einmal; dir wurde nichts berechnet.
failure-restarting = Easel startet gerade neu. Bitte frag in einer Minute noch einmal; dir wurde nichts berechnet.
failure-blocked-until = Du kannst Easel auf diesem Server gerade nicht nutzen. Die Sperre endet { $when }; ein Moderator kann sie früher aufheben.
failure-blocked = Du kannst Easel auf diesem Server erst wieder nutzen, wenn ein Moderator deine Sperre aufhebt.
failure-blocked-until-personal = Du kannst Easel gerade nicht nutzen: Auf Easels Stammserver bist du gesperrt oder pausiert. Die Sperre endet { $when }; die Moderatoren können sie früher aufheben.
failure-blocked-personal = Du kannst Easel erst wieder nutzen, wenn die Moderatoren von Easels Stammserver deine Sperre aufheben.
failure-result-unusable = Der Bilddienst hat ein Bild zurückgeschickt, das ich nicht lesen konnte (beschädigt, unvollständig oder zu groß), daher gibt es nichts auszuliefern. Bitte versuche es noch einmal; dir wurde nichts berechnet.
failure-provider-refused = Der Bildanbieter hat diese Anfrage aufgrund seiner Inhaltsrichtlinien abgelehnt (Grund: { $category }). Bitte formuliere deinen Prompt um; dir wurde nichts berechnet.
failure-rules = Dieser Prompt verstößt gegen die Regeln dieses Servers für Bildanfragen und wurde deshalb nicht gesendet. Bitte formuliere ihn um; dir wurde nichts berechnet.
failure-rules-personal = Dieser Prompt verstößt gegen die Regeln, die der Betreiber von Easel für Bildanfragen festgelegt hat, und wurde deshalb nicht gesendet. Bitte formuliere ihn um; dir wurde nichts berechnet.
failure-rules-flagged = Dieser Prompt wurde von der Moderationsprüfung markiert ({ $categories }) und deshalb nicht gesendet. Bitte formuliere ihn um; dir wurde nichts berechnet.
failure-upload-flagged = Das hochgeladene Bild wurde von der Moderationsprüfung markiert ({ $categories }) und deshalb nicht gesendet. Bitte wähle ein anderes Bild; dir wurde nichts berechnet.
failure-unavailable = Der Bilddienst antwortet gerade nicht (vielleicht ist er ausgefallen oder startet neu). Bitte versuche es später noch einmal; dir wurde nichts berechnet.
failure-busy = Der Bilddienst ist gerade ausgelastet. Bitte versuche es in einer Minute noch einmal; dir wurde nichts berechnet.
failure-timed-out = Der Bilddienst hat zu lange für eine Antwort gebraucht. Bitte versuche es noch einmal; dir wurde nichts berechnet.
failure-stopped-on-server = Der Betreiber des Bildservers hat diesen Durchlauf gestoppt, daher gibt es kein Bild. Du kannst es erneut anfragen; dir wurde nichts berechnet.
failure-model-retired-replaced = Das Modell `{ $model }` wurde von seinem Anbieter eingestellt. Bitte wähle stattdessen `{ $replacement }`.
failure-model-retired = Das Modell `{ $model }` wurde von seinem Anbieter eingestellt. Bitte wähle ein anderes Modell.
failure-misconfigured = Easel ist für dieses Modell nicht richtig eingerichtet, deshalb kann ich gerade keine Bilder erstellen. Der Betreiber des Bots wurde im Bot-Log darauf hingewiesen; dir wurde nichts berechnet.
failure-result-lost = Das Bild wurde erstellt, aber sein Link ist abgelaufen, bevor ich es speichern konnte. Bitte versuche es noch einmal; dir wurde nichts berechnet.
failure-delivery = Dein Bild wurde erstellt, aber Discord hat den Upload nicht angenommen. Bitte versuche es noch einmal; dir wurde nichts berechnet.
failure-translation = Ich konnte deinen Prompt gerade nicht für dieses Modell ins Englische übersetzen. Bitte versuche es noch einmal oder schreib ihn auf Englisch; dir wurde nichts berechnet.
failure-unexpected = Bei mir ist etwas schiefgelaufen. Bitte versuche es noch einmal; dir wurde nichts berechnet.
failure-pause = Wegen wiederholter Ablehnungen bist du auf diesem Server für Easel pausiert. Die Pause endet { $when }.
failure-pause-personal = Wegen wiederholter Ablehnungen bist du für Easel pausiert. Die Pause endet { $when }.

source-untrusted-host = Ich lade Bilder nur direkt von Discord herunter, und dieses stammt von woanders. Bitte hänge das Bild an den Befehl an.
source-too-large = Dein Bild ist größer als { $megabytes } MB – mehr lade ich nicht herunter. Bitte hänge ein kleineres Bild an.
source-longer-than-declared = Die Datei, die ich erhalten habe, ist größer als der von Discord angekündigte Upload, deshalb habe ich den Download abgebrochen. Bitte hänge das Bild noch einmal an.
source-gone = Der Link zu deinem Bild ist abgelaufen, bevor ich es herunterladen konnte. Bitte hänge es noch einmal an.
source-kept-gone = Das mit diesem gespeicherten Stil aufbewahrte Bild gibt es nicht mehr. Speichere den Stil noch einmal mit seinem Bild.
source-cut-short = Der Download deines Bildes von Discord wurde unterbrochen. Bitte versuche es noch einmal.
source-failed = Ich konnte dein Bild nicht von Discord herunterladen. Bitte versuche es gleich noch einmal.
source-not-an-image = Diese Datei ist kein PNG-, JPEG- oder WebP-Bild. Bitte hänge ein Bild in einem dieser Formate an.
source-too-many-pixels = Dein Bild hat { $width }×{ $height } Pixel; ich verarbeite Bilder mit höchstens { $side } Pixeln pro Seite und insgesamt { $megapixels } Megapixeln. Bitte hänge ein kleineres Bild an.
source-damaged = Deine Datei beginnt wie ein Bild, ist aber beschädigt oder unvollständig, deshalb konnte ich sie nicht lesen. Bitte hänge sie noch einmal an.
source-cannot-fit = Ich konnte dein Bild nicht klein genug für dieses Modell machen. Bitte hänge ein kleineres Bild an.
source-encode = Beim Vorbereiten deines Bildes für das Modell ist etwas schiefgelaufen. Bitte versuche es noch einmal.
source-mask-mismatch = Deine Maske hat { $mask } Pixel, dein Bild aber { $image }. Bitte zeichne sie auf eine Kopie des Bildes in derselben Größe (weiß, wo sich etwas ändern soll, schwarz, wo alles bleiben soll).
source-markup-mismatch = Deine Markierung hat { $mask } Pixel, dein Bild aber { $image }. Bitte zeichne sie auf eine Kopie des Bildes in derselben Größe.

## Eine Anfrage, die der Katalog nicht zulässt

invalid-unknown-model = `{ $model }` ist kein Modell, das dieser Bot anbietet. Wähle eines davon: { $offered }.
invalid-empty-prompt = Bitte gib einen Prompt ein, der das gewünschte Bild beschreibt.
invalid-prompt-too-long = Dein Prompt ist { $length } Zeichen lang; `{ $model }` akzeptiert höchstens { $max }.
invalid-not-allowed = { $option } `{ $value }` gibt es bei `{ $model }` nicht. Möglich sind: { $allowed }.
invalid-no-styles = `{ $model }` unterstützt keinen Stil; lass die Stil-Option weg.
invalid-count = `{ $model }` erstellt { $min } bis { $max } Bilder pro Anfrage; du hast { $count } angefragt.
invalid-variation-unsupported = `{ $model }` kann keine Variationen erstellen. Diese Modelle können es: { $capable }.
invalid-missing-image = Bitte hänge das Bild an, von dem eine Variation erstellt werden soll.
invalid-blend-unsupported = `{ $model }` kann weder Bilder mischen noch sich an eine Referenz halten. Diese Modelle können es: { $capable }.
invalid-blend-count = { $max ->
    [2] Bitte hänge genau 2 Bilder zum Mischen an (du hast { $given } angehängt).
   *[other] Bitte hänge 2 bis { $max } Bilder zum Mischen an (du hast { $given } angehängt).
}
invalid-edit-unsupported = `{ $model }` kann keine Bilder bearbeiten. Diese Modelle können es: { $capable }.
invalid-option-unsupported = `{ $model }` unterstützt { $option } nicht; lass die Angabe weg oder wähle ein Modell, das dies kann: { $capable }.
invalid-style-picture-unsupported = Dieser gespeicherte Stil hat ein Referenzbild, das `{ $model }` nicht verwenden kann. Wähle ein Modell, das es kann: { $capable }.
invalid-tuning-range = Der Wert für { $option } muss zwischen { $min } und { $max } liegen; bitte wähle einen anderen.
invalid-seed = Ein Seed muss eine ganze Zahl von -1 bis 4294967295 sein; du hast { $seed } angegeben.
invalid-styles = Bitte nenne 1 bis { $max } Stile, durch Kommas getrennt.
invalid-styles-unsupported = `{ $model }` kann keinen Stilvergleich erstellen (`/stile` braucht ein einzelnes Bild pro Stil); bitte wähle dafür ein anderes Modell.
invalid-not-an-image = `{ $file }` ist kein Bild. Bitte hänge ein PNG-, JPEG- oder WebP-Bild an.
invalid-image-too-large = `{ $file }` ist { $size } MB groß; ich akzeptiere Bilder bis höchstens { $max } MB.

# So heißen die Optionen einer Anfrage in diesen Sätzen.
option-word-size = Größe
option-word-quality = Qualität
option-word-style = Stil
option-word-steps = Schritte
option-word-cfg_scale = cfg_scale
option-word-sampler = Sampler
option-word-markup = Markierung
option-word-mask = Maske
option-word-reference = Referenz
option-word-tuning = Schritte, cfg_scale oder Sampler

## Limits

limit-cooldown = Bitte lass zwischen deinen Anfragen etwas Zeit: Deine nächste Anfrage ist { $when } möglich.
limit-when-one-finishes = sobald einer deiner laufenden Aufträge fertig ist
limit-in-flight = Du hast bereits so viele Bildanfragen in Bearbeitung, wie gleichzeitig erlaubt sind ({ $limit }). Bitte warte, bis eine davon fertig ist.
limit-images-per-day = Tageslimit für Bilder erreicht: noch { $left } von { $limit } pro 24 Stunden übrig, und diese Anfrage braucht { $needed }. Wieder mehr verfügbar: { $when }.
limit-user-usd = Dein Tagesbudget ist fast aufgebraucht: noch { $left } von { $limit } pro 24 Stunden übrig, und diese Anfrage kostet etwa { $needed }. Wieder mehr verfügbar: { $when }.
limit-guild-usd = Das tägliche Bildbudget dieses Servers ist fast aufgebraucht: noch { $left } von { $limit } übrig, und diese Anfrage kostet etwa { $needed }. Wieder mehr verfügbar: { $when }.
limit-personal-usd = Dein persönliches Tagesbudget (für die Nutzung von Easel außerhalb von Servern, auf denen es installiert ist) ist fast aufgebraucht: noch { $left } von { $limit } pro 24 Stunden übrig, und diese Anfrage kostet etwa { $needed }. Wieder mehr verfügbar: { $when }.
limit-global-usd = Das Monatsbudget des Bots ist fast aufgebraucht: noch { $left } übrig, und diese Anfrage kostet etwa { $needed }. Es wird { $when } zurückgesetzt.
limit-bad-value-whole = `{ $value }` ist kein gültiger Wert für `{ $limit }`: Gib eine ganze Zahl von { $min } bis { $max } an ({ $unit }) oder `none` für kein Limit.
limit-bad-value = `{ $value }` ist kein gültiger Wert für `{ $limit }`: Gib eine Zahl von { $min } bis { $max } an ({ $unit }) oder `none` für kein Limit.
limit-unit-seconds = Sekunden
limit-unit-jobs = gleichzeitige Aufträge
limit-unit-images = Bilder
limit-unit-usd = US-Dollar
limit-none = kein Limit
limit-seconds = { $seconds } s

## /nutzung

usage-heading = **Deine Easel-Nutzung**
usage-label-cooldown = Wartezeit
usage-label-in-flight = Bilder in Bearbeitung
usage-label-images = Bilder (24 Std.)
usage-label-user-usd = Dein Budget (24 Std.)
usage-label-guild-usd = Serverbudget (24 Std.)
usage-label-global-usd = Bot-Budget (aktueller Monat)
usage-exempt = **{ $label }**: ausgenommen („Server verwalten“)
usage-cooldown-waiting = **{ $label }**: { $limit }, nächste Anfrage { $when }
usage-cooldown-ready = **{ $label }**: { $limit }, jetzt bereit
usage-unlimited = **{ $label }**: { $used } genutzt, kein Limit
usage-used = **{ $label }**: { $used } genutzt, noch { $left } von { $limit }
usage-cancelled = -# { $count ->
    [one] Enthalten ist { $count } Bild, das du abgebrochen hast, nachdem das Modell schon gestartet war. Es zählt mit seinem Schätzpreis ({ $usd }), denn der Anbieter berechnet einen Aufruf, sobald er gestartet ist.
   *[other] Enthalten sind { $count } Bilder, die du abgebrochen hast, nachdem das Modell schon gestartet war. Sie zählen mit ihrem Schätzpreis ({ $usd }), denn der Anbieter berechnet einen Aufruf, sobald er gestartet ist.
    }
usage-latest-failure = Deine letzte private Anfrage, die kein Bild ergeben hat ({ $when }, Auftrag { $job }): { $reason }

## Die Nachricht eines Auftrags, während er wartet oder läuft; Abbrechen

progress-next = Als Nächstes in der Warteschlange für `{ $model }`.
progress-place = Platz { $place } in der Warteschlange für `{ $model }`.
progress-step = Dein Bild wird mit `{ $model }` erstellt: Schritt { $step } von { $steps }…
progress-running = Dein Bild wird mit `{ $model }` erstellt…
progress-cancelled-by = Abgebrochen von { $member }.
progress-backend-down = Der Bilddienst für dieses Modell antwortet gerade nicht. Deine Anfrage behält ihren Platz und läuft, sobald er wieder erreichbar ist; bis dahin kannst du sie abbrechen.
button-cancel = Abbrechen
cancel-nothing-charged = Es wurde nichts berechnet.
cancel-charged-estimate = Das Modell hatte schon begonnen, daher zählt die Anfrage mit ihrem Schätzpreis ({ $estimate }) zu den Limits.
cancel-done = Abgebrochen.
cancel-not-found = Ich finde diese Anfrage nicht.
cancel-not-yours = Nur das Mitglied, das dieses Bild angefragt hat, oder ein Moderator kann es abbrechen.
cancel-already-finished = Diese Anfrage ist bereits abgeschlossen, es gibt also nichts abzubrechen.
cancel-failed = Beim Abbrechen dieser Anfrage ist etwas schiefgelaufen. Bitte versuche es noch einmal.
cancel-nothing-active = Du hast keine Bildanfrage, die wartet oder läuft.
cancel-lookup-failed = Beim Abrufen deiner Anfragen ist etwas schiefgelaufen. Bitte versuche es noch einmal.

## Ein Ergebnis

result-title-generate = Dein Bild
result-title-hd = Dein HD-Bild
result-title-variation = Deine Variation
result-title-edit = Deine Bearbeitung
result-title-styles = Dein Stilvergleich
result-title-extend = Dein erweitertes Bild
result-title-blend = Deine Mischung
result-title-describe = Prompts für dein Bild
result-describe-intro = Verwende einen davon unverändert oder ändere ihn vorher: Jeder Button öffnet /generieren mit diesem Prompt.
result-variation-description = Eine Variation deines Bildes
result-footer = Auftrag { $job } · /anzeigen { $job }
result-cost-usage = { $cost } (laut Token-Verbrauch)
result-cost-catalogue = { $cost } (Katalogpreis)
result-ai-generated = In den Metadaten jeder Datei gekennzeichnet
result-ready = { $member }, dein Bild ist fertig.
result-fetched-again = Erneut aus der zugehörigen Nachricht auf Discord abgerufen.
result-gallery-credit = Angefragt von { $requester } · genehmigt von { $moderator }
field-revised-prompt = Überarbeiteter Prompt
field-model = Modell
field-size = Größe
field-quality = Qualität
field-cost = Kosten
field-ai-generated = KI-generiert
field-requested-by = Angefragt von
field-from = Ursprung
result-from = Auftrag { $job }
field-draft = Entwurf
result-draft = In der günstigsten Qualität `{ $quality }` erstellt. „Verbessern“ erstellt das Bild in `{ $top }` für etwa { $estimate } neu.
field-seeds = { $count ->
    [one] Seed
   *[other] Seeds
    }
field-parameters = Parameter
field-negative-prompt = Negativ-Prompt
field-styles = Stile
field-prompt-sent = An das Modell gesendeter Prompt (auf Englisch)
button-reroll = Neu würfeln
button-enhance = Verbessern
button-pan-left = ⬅️ Erweitern
button-pan-right = ➡️ Erweitern
button-pan-up = ⬆️ Erweitern
button-pan-down = ⬇️ Erweitern
button-zoom-out = Herauszoomen { $factor }×
button-edit = Bearbeiten
button-delete = Löschen
button-vary = Variieren
button-vary-numbered = Variieren { $number }
button-hd = HD
button-hd-numbered = HD { $number }
button-upscale-creative = Hochskalieren (kreativ)
button-use-numbered = Verwenden { $number }
delete-not-yours = Nur das Mitglied, das dieses Bild angefragt hat, oder ein Moderator kann es löschen.
delete-done = Gelöscht.
delete-failed = Ich konnte diese Nachricht nicht löschen. Bitte versuche es gleich noch einmal.
click-other-server = Dieses Ergebnis gehört zu einem anderen Server, seine Buttons funktionieren nur dort.
click-private = Dieses Ergebnis ist nur für das Mitglied bestimmt, das es angefragt hat.
click-not-on-record = Ich habe dieses Ergebnis nicht mehr gespeichert, daher funktionieren seine Buttons nicht. Bitte frag es mit `/generieren` noch einmal an.
edit-modal-title = Dieses Bild bearbeiten
edit-modal-instruction = Was soll sich ändern?
edit-modal-placeholder = z. B. gib dem Fuchs einen roten Schal
edit-modal-which = Welches Bild (1 bis { $count })?
generate-modal-title = Generieren
generate-modal-prompt = Prompt
menu-no-image = Diese Nachricht enthält kein Bild, mit dem Easel arbeiten kann. Bitte wähle eine Nachricht mit einem PNG-, JPEG- oder WebP-Bild.
menu-which-image = Welches Bild? Wähle eines aus:
menu-image-numbered = Bild { $number }
menu-expired = Diese Auswahl ist abgelaufen. Bitte verwende das Apps-Menü der Nachricht noch einmal.
edit-which-number = Bitte gib die Nummer des Bildes an, z. B. 1 oder 2.
edit-no-such-image = Ich finde Bild { $number } in dieser Nachricht nicht.

## /anzeigen

show-unknown = Ich habe keinen Bildauftrag `{ $job }` gespeichert.
show-not-yours = Nur das Mitglied, das dieses Bild angefragt hat, oder ein Moderator kann es erneut anzeigen.
show-not-delivered = Dieser Auftrag wurde nicht ausgeliefert (Status: { $state }), es gibt also nichts anzuzeigen.
show-gone = Die Bilder dieses Auftrags werden nicht mehr aufbewahrt, und ich weiß nicht, wo sie gepostet wurden.
show-private = Dieses Ergebnis ist privat.
show-deleted = Dieses Ergebnis wurde auf Discord gelöscht, und seine Bilder werden nicht mehr aufbewahrt, daher kann ich es nicht anzeigen.
show-unreachable = Ich konnte die Nachricht dieses Ergebnisses auf Discord gerade nicht erreichen. Bitte versuche es noch einmal.
show-download-failed = Ich konnte die Bilder dieses Ergebnisses gerade nicht von Discord herunterladen. Bitte versuche es noch einmal.
show-unreadable = Die Bilder dieses Ergebnisses können nicht mehr gelesen werden.
show-emptied = Die Nachricht dieses Ergebnisses enthält seine Bilder nicht mehr, daher kann ich es nicht anzeigen.
job-state-queued = in der Warteschlange
job-state-running = läuft
job-state-delivered = ausgeliefert
job-state-failed = fehlgeschlagen
job-state-cancelled = abgebrochen

## /einstellungen

settings-heading = **Deine Standardeinstellungen**
settings-saved = Gespeichert. Deine Standardeinstellungen sind jetzt:
settings-cleared = Deine Standardeinstellungen wurden gelöscht.
settings-read-failed = Ich konnte deine Einstellungen gerade nicht lesen. Bitte versuche es noch einmal.
settings-save-failed = Ich konnte deine Einstellungen gerade nicht speichern. Bitte versuche es noch einmal.
settings-model = Modell: { $value }
settings-size = Größe: { $value }
settings-quality = Qualität: { $value }
settings-style = Stil: { $value }
settings-suffix = Prompt-Zusatz: { $value }
settings-language = Sprache: { $value }
settings-drafts-on = Entwürfe: an (/generieren erstellt günstige Entwürfe mit einem Verbessern-Button)
settings-drafts-off = Entwürfe: aus
style-saved = Stil `{ $name }` gespeichert. Wähle ihn als Stil bei /generieren, um seine Worte an einen Prompt anzuhängen.
style-saved-with-picture = Stil `{ $name }` mit seinem Referenzbild gespeichert. Wähle ihn als Stil bei /generieren, um seine Worte und sein Bild an einen Prompt zu geben (bei Modellen, die eine Referenz annehmen).
style-deleted = Stil `{ $name }` gelöscht.
style-not-found = Es gibt keinen Stil `{ $name }`.
style-bad-name = Der Name eines Stils muss 1 bis { $max } Buchstaben, Ziffern, Leerzeichen, - oder _ haben.
style-bad-text = Die Worte eines Stils müssen 1 bis { $max } Zeichen lang sein.
style-too-many = Du kannst höchstens { $max } Stile behalten; lösche zuerst einen.
style-moderators-only = Nur die Moderatoren des Servers können seine Stile speichern oder löschen.
style-refused = Diese Worte verstoßen gegen die Regeln dieses Servers für Bildanfragen, deshalb wurde der Stil nicht gespeichert. Bitte formuliere sie um.
style-refused-personal = Diese Worte verstoßen gegen die Regeln, die der Betreiber von Easel für Bildanfragen festgelegt hat, deshalb wurde der Stil nicht gespeichert. Bitte formuliere sie um.
style-list-mine = **Deine Stile**
style-list-server = **Stile dieses Servers**
style-list-picture = mit Referenzbild
settings-results-private = Ergebnisse: nur für dich sichtbar
settings-results-public = Ergebnisse: für alle sichtbar gepostet
settings-server-default = Standard des Servers (`{ $model }`)
settings-model-default = Standard des Modells
settings-discord-language = deine Discord-Sprache ({ $language })
settings-unknown-model = `{ $model }` ist kein Modell, das dieser Bot anbietet; die Liste findest du unter `/hilfe`.
settings-not-offered = { $option } `{ $value }` gibt es bei `{ $model }` nicht.
settings-suffix-too-long = Dein Prompt-Zusatz hat { $length } Zeichen; erlaubt sind höchstens { $max }.
settings-retired-default = Dein gespeichertes Standardmodell `{ $old }` wurde eingestellt, daher tritt `{ $replacement }` an seine Stelle (jetzt als dein Standard gespeichert; ändern kannst du das mit `/einstellungen`).

## /hilfe

help-title = Easel: gemeinsam Bilder erstellen
help-formula-rule = **Motiv + Handlung oder Zustand + Stil + Umgebung + Details + Qualitätsbegriffe.**
help-formula-explain = Sag, was auf dem Bild ist, was es tut, wie es gezeichnet ist, wo es sich befindet, welche Details wichtig sind und wie ausgearbeitet es wirken soll.
help-example-one = **Beispiel 1**: ein Rotfuchs · zusammengerollt schlafend · Aquarell · in einem verschneiten Birkenwald · sanftes Morgenlicht · sehr detailliert
help-example-one-command = `/generieren prompt: Ein Rotfuchs, zusammengerollt schlafend, Aquarell, in einem verschneiten Birkenwald, sanftes Morgenlicht, sehr detailliert`
help-example-two = **Beispiel 2**: ein Leuchtturmwärter · liest im Lampenlicht · Ölgemälde · in einem Steinturm während eines Sturms · Regen am Fenster, warmes Leuchten · Meisterwerk, scharfer Fokus
help-example-two-command = `/generieren prompt: Ein Leuchtturmwärter, der im Lampenlicht liest, Ölgemälde, in einem Steinturm während eines Sturms, Regen am Fenster, warmes Leuchten, Meisterwerk, scharfer Fokus`
help-styles-tip = Unsicher beim Stil? `/stile motiv: ein Leuchtturm in der Abenddämmerung` zeigt ein Motiv in vier Stilen nebeneinander.
help-commands =
    `/generieren` Bilder aus einem Prompt · `/hd` dasselbe in der höchsten Qualität des Modells
    `/variation` neue Version eines hochgeladenen Bildes · `/bearbeiten` hochgeladenes Bild ändern (eine Maske begrenzt den Bereich)
    `/stile` ein Motiv in bis zu 4 Stilen · `/anzeigen` ein Ergebnis mit seinen Buttons erneut posten
    `/einstellungen` deine Standardeinstellungen · `/nutzung` dein bisheriger Verbrauch · `/abbrechen` deine wartende Anfrage
    Buttons unter einem Ergebnis: Neu würfeln, Variieren, HD, Bearbeiten, Löschen.
    Moderatoren: `/moderation` · Serververwaltung: `/limits`
help-describe = `/beschreiben` ein Bild in Prompts verwandeln, die du nutzen kannst (oder bei einer Nachricht: Apps → Mit Easel beschreiben)
help-blend = `/mischen` 2 bis 5 Bilder zu einem vereinen
help-reference = `/generieren referenz:` ein Bild als Vorlage, an die sich das Ergebnis hält
help-menus = Im Apps-Menü einer Nachricht mit Bild: Mit Easel bearbeiten, Mit Easel variieren
help-studio = `/stil speichern` Worte (und ein Bild) unter einem Namen, wählbar als `stil` · `entwurf:true` ein günstiger erster Versuch, danach Verbessern · Unter einem einzelnen Bild: ⬅️➡️⬆️⬇️ Erweitern, Herauszoomen 1,5× oder 2×, Hochskalieren (kreativ)
help-section-commands = Befehle
help-section-studio = Studio
help-section-models = Verfügbare Modelle (Preis eines Bildes in Standardgröße und -qualität)
help-section-limits = Deine Limits
help-limits-none = Keine festgelegt.
help-model = `{ $model }`: { $price }
help-model-default = `{ $model }` (Standard): { $price }
help-model-free = selbst gehostet, kostenlos
help-model-translates = Prompts in jeder Sprache werden dafür ins Englische übersetzt
help-model-english-only = versteht nur Prompts auf Englisch

## Moderatoren und Serververwaltung: /limits, /moderation

admin-log-channel = Das Moderations-Log von Easel landet jetzt in { $channel }.
admin-rule-added = { $kind } `{ $pattern }` zur Sperrliste hinzugefügt. Passende Prompts werden abgelehnt, bevor ein Modell aufgerufen wird.
admin-rule-exists = { $kind } `{ $pattern }` stand bereits auf der Sperrliste.
admin-rule-removed = { $kind } `{ $pattern }` von der Sperrliste entfernt.
admin-rule-missing = { $kind } `{ $pattern }` stand nicht auf der Sperrliste.
admin-limit-set = `{ $limit }` für { $whom }: jetzt { $value }.
admin-reset-server = { $count ->
    [one] { $count } Einstellung
   *[other] { $count } Einstellungen
    } dieses Servers zurückgesetzt (alle Einstellungen); es gelten wieder die Standardwerte.
admin-reset = { $count ->
    [one] { $count } Einstellung
   *[other] { $count } Einstellungen
    } für { $whom } zurückgesetzt; es gelten wieder die Standardwerte.
admin-blocked-until = { $member } ist hier für Easel gesperrt; die Sperre endet { $when }.
admin-blocked = { $member } ist hier für Easel gesperrt, bis die Sperre aufgehoben wird.
admin-unblocked = { $member } kann Easel hier wieder nutzen.
admin-not-blocked = { $member } war nicht gesperrt.
admin-not-manager = Nur Mitglieder mit der Berechtigung „Server verwalten“ dürfen { $action }.
admin-not-moderator = Nur die Moderatoren dieses Servers (Berechtigung „Nachrichten verwalten“, „Mitglieder moderieren“ oder „Server verwalten“) dürfen { $action }.
admin-pattern-length = Ein Eintrag auf der Sperrliste muss 1 bis 200 Zeichen lang sein.
admin-pattern-no-letter = Ein gesperrtes Wort braucht mindestens einen Buchstaben oder eine Ziffer.
admin-pattern-regex = Dieser reguläre Ausdruck lässt sich nicht kompilieren: { $why }
admin-not-in-server = Limits gehören zu einem Server: Nutze diesen Befehl auf einem Server.
admin-unknown-limit = `{ $limit }` ist kein Limit, das ein Server festlegen kann.
admin-server-only = `{ $limit }` ist das eigene Budget des Servers: Leg es ohne Mitglied oder Rolle fest.
admin-above-owner-cap = Der Betreiber des Bots begrenzt das Tagesbudget eines Servers auf { $max }: Wähle einen Wert von 0 bis zu diesem Betrag.
admin-bad-hours = Eine Sperre dauert mehr als 0 und höchstens { $max } Stunden (ein Jahr); lass `stunden` weg, um bis zur Entsperrung zu sperren.
admin-no-reason = kein Grund angegeben
admin-block-reason = { $reason } (von { $moderator })
admin-store-failed = Beim Speichern ist etwas schiefgelaufen; es wurde nichts geändert.
action-choose-log-channel = den Log-Kanal von Easel festlegen
action-change-blocklist = die Sperrliste ändern
action-read-blocklist = die Sperrliste einsehen
action-read-history = den Auftragsverlauf von Easel einsehen
action-see-limits = die Limits von Easel einsehen
action-change-limits = die Limits von Easel ändern
action-block-members = Mitglieder für Easel sperren
action-lift-block = eine Sperre aufheben
rule-kind-word = Wort
rule-kind-regex = Regex
whom-server = diesen Server
whom-role = Mitglieder mit { $role }
blocklist-empty = Die Sperrliste ist leer.
blocklist-heading = **Sperrliste** ({ $count ->
    [one] { $count } Regel
   *[other] { $count } Regeln
    })
limits-heading-server = **Limits für diesen Server**
limits-heading-member = **Limits für { $member }**
limits-role-tiers = Rollenstufen: { $tiers }
limits-blocked-until = Gesperrt (endet { $when }): { $reason }
limits-blocked = Gesperrt (bis zur Entsperrung): { $reason }
limits-managers-exempt = Mitglieder mit „Server verwalten“ sind von den Limits pro Mitglied ausgenommen.
limits-managers-held = Für Mitglieder mit „Server verwalten“ gelten die Limits pro Mitglied ebenfalls.
history-empty-server = Keine Aufträge auf Seite { $page } von { $pages } für diesen Server.
history-empty-member = Keine Aufträge auf Seite { $page } von { $pages } für { $member }.
history-heading-server = **Easel-Aufträge dieses Servers**: Seite { $page } von { $pages } ({ $total } insgesamt)
history-heading-member = **Easel-Aufträge von { $member }**: Seite { $page } von { $pages } ({ $total } insgesamt)
history-line = { $time } { $member } /{ $command } { $model } · **{ $outcome }**{ $reason } · { $cost } · „{ $prompt }“{ $link } · Auftrag { $job }{ $from }
history-result = Ergebnis
history-newer = ◀ Neuer
history-older = Älter ▶
report-moderators-only = Nur Moderatoren können die Ausgaben des Servers sehen.
report-read-failed = Ich konnte die Ausgaben des Servers gerade nicht lesen. Bitte versuche es noch einmal.
report-heading = **Bildausgaben dieses Servers in den letzten { $days } Tagen**: { $usd } für { $images ->
    [one] { $images } Bild
   *[other] { $images } Bilder
    }.
report-failed = Ausgaben für fehlgeschlagene Aufträge (das Modell hatte geantwortet, danach ließ sich nichts ausliefern; keinem Mitglied wurde etwas berechnet): { $usd }.
report-top = **Top-Nutzer**
report-community = Community-Anfragen
report-line = { $rank }. { $who }: { $usd }, { $images ->
    [one] { $images } Bild
   *[other] { $images } Bilder
    }

## Das Moderations-Log

outcome-delivered = ausgeliefert
outcome-refused-by-provider = vom Anbieter abgelehnt
outcome-refused-by-rules = durch Serverregeln abgelehnt
outcome-failed = fehlgeschlagen
log-title = /{ $command }: { $outcome }
log-jump = Zum Bild springen
log-footer = Auftrag { $job }
log-cancelled-by = Abgebrochen von { $member }
field-requester = Angefragt von
field-channel = Kanal
field-result = Ergebnis
field-command = Befehl
field-outcome = Ausgang
field-reason = Grund
notice-model-retired = **Modell eingestellt**: `{ $model }` wird nicht mehr bereitgestellt und daher nicht mehr angeboten. Anfragen dafür nutzen stattdessen `{ $replacement }`.
notice-model-retiring-tomorrow = **Modell wird eingestellt**: `{ $model }` wird am { $date } abgeschaltet (morgen).
notice-model-retiring = **Modell wird eingestellt**: `{ $model }` wird am { $date } abgeschaltet ({ $days ->
    [one] in { $days } Tag
   *[other] in { $days } Tagen
    }).
notice-move-to = Wechsle zu `{ $replacement }` (Mitglieder können es schon jetzt auswählen).
spend-server-used-up = **Ausgabenwarnung**: Das tägliche Bildbudget dieses Servers ist aufgebraucht: { $spent } von { $budget } in den letzten 24 Stunden ausgegeben ({ $percent } %). Neue Anfragen werden abgelehnt, bis wieder Budget frei wird.
spend-server-passed = **Ausgabenwarnung**: Das tägliche Bildbudget dieses Servers hat die Marke von { $percent } % überschritten: { $spent } von { $budget } in den letzten 24 Stunden ausgegeben.
spend-bot-used-up = **Ausgabenwarnung**: Das monatliche Bildbudget des Bots ist aufgebraucht: { $spent } von { $budget } in diesem Monat ausgegeben ({ $percent } %). Neue Anfragen werden abgelehnt, bis wieder Budget frei wird.
spend-bot-passed = **Ausgabenwarnung**: Das monatliche Bildbudget des Bots hat die Marke von { $percent } % überschritten: { $spent } von { $budget } in diesem Monat ausgegeben.

## Community-Anfragen

desk-posted = Deine Anfrage wurde in { $channel } gepostet und wartet auf die Genehmigung der Moderatoren; die Antwort bekommst du per Direktnachricht. Mitglieder können dort für sie abstimmen.
desk-approved = Genehmigt. Das Bild wird mit dem Budget des Servers erstellt und dann gepostet.
desk-approved-in = Genehmigt. Das Bild wird mit dem Budget des Servers erstellt und dann in { $gallery } gepostet.
desk-denied = Abgelehnt; dem anfragenden Mitglied wurde der Grund mitgeteilt.
desk-denied-to-requester = Deine Anfrage „{ $prompt }“ wurde von den Moderatoren nicht genehmigt. Ihre Begründung: { $reason }
desk-delivered-to-requester = Deine Anfrage „{ $prompt }“ wurde von { $moderator } genehmigt, und das Bild ist jetzt in der Galerie: { $link }
desk-outside-servers = Anfragen funktionieren nur auf Servern.
desk-no-channel = Dieser Server hat noch keinen Anfragekanal: Ein Moderator kann ihn mit `/anfragen kanal` festlegen.
desk-too-many-open = { $count ->
    [one] Du hast hier bereits { $count } offene Anfrage, mehr ist gleichzeitig nicht erlaubt. Bitte warte, bis die Moderatoren darüber entschieden haben.
   *[other] Du hast hier bereits { $count } offene Anfragen, mehr sind gleichzeitig nicht erlaubt. Bitte warte, bis die Moderatoren über eine davon entschieden haben.
    }
desk-starting = Easel startet noch. Bitte versuche es gleich noch einmal.
desk-cannot-post = Ich konnte nicht in { $channel } posten: Bitte einen Moderator, mir dort das Senden von Nachrichten zu erlauben.
desk-no-such-request = Eine solche Anfrage habe ich nicht gespeichert.
desk-own-request = Du kannst nicht für deine eigene Anfrage abstimmen.
desk-voter-blocked = Du kannst nicht abstimmen, solange du hier für Easel gesperrt bist.
desk-already-voted = Du hast bereits für diese Anfrage abgestimmt.
desk-decided = Über diese Anfrage wurde bereits entschieden.
desk-not-started = Ich konnte sie nicht starten, daher bleibt die Anfrage offen: { $why }
desk-not-decider = Nur Moderatoren („Nachrichten verwalten“ oder die Anfrage-Moderatorenrolle des Servers) können Anfragen genehmigen oder ablehnen.
desk-not-saved = Ich konnte das gerade nicht speichern. Bitte versuche es noch einmal.
desk-no-open = Es gibt keine offenen Anfragen.
desk-managers-only = Nur Mitglieder mit „Server verwalten“ können die Anfragen-Pinnwand ändern.
desk-channel-set = Anfragekarten werden in { $channel } gepostet.
desk-gallery-set = Genehmigte Ergebnisse werden in { $channel } gepostet.
desk-moderators-set = Mitglieder mit { $role } dürfen Anfragen genehmigen und ablehnen.
desk-need-role = Bitte gib die `rolle` an, deren Mitglieder keine Genehmigung brauchen.
desk-need-cost = Bitte gib die Kosten an (`usd`, 0 bis 1000), ab denen Anfragen eine Genehmigung brauchen.
desk-need-channel = Bitte lege zuerst mit `/anfragen kanal` einen Anfragekanal fest.
desk-policy-off = Anfragen brauchen keine Genehmigung mehr: Die Bilder der Mitglieder laufen über ihr eigenes Budget.
desk-policy-everyone = Jede Anfrage eines Mitglieds braucht jetzt die Genehmigung eines Moderators.
desk-policy-without-role = Anfragen von Mitgliedern ohne { $role } brauchen jetzt die Genehmigung eines Moderators.
desk-policy-over-cost = Anfragen mit geschätzten Kosten über { $usd } brauchen jetzt die Genehmigung eines Moderators.
desk-list-heading = **Offene Anfragen**
desk-list-line = { $rank }. **{ $prompt }** von { $member } · { $votes ->
    [one] { $votes } Stimme
   *[other] { $votes } Stimmen
    } · ~{ $usd } · { $when }{ $link }
card-title = Community-Anfrage
card-waiting = Wartet auf einen Moderator
card-approved-by = Genehmigt von { $moderator }
card-denied-by = Abgelehnt von { $moderator }: { $reason }
card-estimated-cost = Geschätzte Kosten
card-votes = Stimmen
card-status = Status
card-note = Notiz
card-footer = Anfrage { $request }
card-approve = Genehmigen
card-deny = Ablehnen
card-vote = Abstimmen ({ $votes })
deny-modal-title = Diese Anfrage ablehnen
deny-modal-reason = Warum? (wird dem Mitglied mitgeteilt)

## Befehle, wie Discord sie auflistet (Namen: Kleinbuchstaben, keine Leerzeichen, höchstens 32 Zeichen;
## Beschreibungen höchstens 100 Zeichen). Optionsnamen gelten für jeden Befehl, der die Option hat.

name-add = hinzufügen
name-block = sperren
name-blocklist = sperrliste
name-cancel = abbrechen
name-cfg_scale = cfg_scale
name-channel = kanal
name-edit = bearbeiten
name-gallery = galerie
name-generate = generieren
name-hd = hd
name-help = hilfe
name-history = verlauf
name-hours = stunden
name-image = bild
name-job = auftrag
name-limit = limit
name-limits = limits
name-list = liste
name-log-channel = log-kanal
name-markup = markierung
name-mask = maske
name-mode = modus
name-model = modell
name-moderation = moderation
name-moderators = moderatoren
name-n = anzahl
name-negative_prompt = negativ_prompt
name-note = notiz
name-page = seite
name-pattern = muster
name-policy = richtlinie
name-prompt = prompt
name-public = öffentlich
name-quality = qualität
name-reason = grund
name-reference = referenz
name-name = name
name-text = text
name-scope = bereich
name-save = speichern
name-delete = löschen
name-regex = regex
name-remove = entfernen
name-request = anfrage
name-requests = anfragen
name-reset = zurücksetzen
name-role = rolle
name-sampler = sampler
name-seed = seed
name-server = server
name-set = festlegen
name-settings = einstellungen
name-show = anzeigen
name-size = größe
name-sort = sortierung
name-steps = schritte
name-style = stil
name-styles = stile
name-describe = beschreiben
name-draft = entwurf
name-blend = mischen
name-image1 = bild1
name-image2 = bild2
name-image3 = bild3
name-image4 = bild4
name-image5 = bild5
name-subject = motiv
name-suffix = zusatz
name-unblock = entsperren
name-usage = nutzung
name-usd = usd
name-user = mitglied
name-value = wert
name-variation = variation

desc-generate = Aus einem Prompt ein Bild erstellen
desc-generate-prompt = Beschreibe das gewünschte Bild
desc-generate-model = Welches Modell es zeichnet
desc-generate-size = Bildgröße
desc-generate-quality = Qualitätsstufe (höher kostet mehr)
desc-generate-style = Ein gespeicherter Stil von dir oder der des Modells (tippe, um sie zu sehen)
desc-generate-n = Wie viele Bilder
desc-generate-draft = Erst ein günstiger Entwurf (niedrigste Qualität); Verbessern macht ihn in höchster Qualität neu
desc-generate-reference = Ein Bild einer Person, eines Objekts oder Produkts als Vorlage (für Modelle, die eins unterstützen)
desc-generate-seed = Seed, um ein Ergebnis zu reproduzieren (Stable Diffusion)
desc-generate-steps = Sampling-Schritte (Stable Diffusion)
desc-generate-cfg_scale = Wie genau der Prompt befolgt wird
desc-generate-sampler = Sampler (Stable Diffusion)
desc-generate-negative_prompt = Was das Bild nicht zeigen soll
desc-hd = Aus einem Prompt ein Bild in der höchsten Qualität des Modells erstellen
desc-hd-prompt = Beschreibe das gewünschte Bild
desc-hd-model = Welches Modell es zeichnet
desc-hd-size = Bildgröße
desc-variation = Eine neue Version eines hochgeladenen Bildes erstellen
desc-variation-image = Ein PNG-, JPEG- oder WebP-Bild
desc-variation-prompt = Was sich ändern soll (optional)
desc-variation-model = Welches Modell es variiert
desc-variation-n = Wie viele Bilder
desc-cancel = Deine letzte wartende oder laufende Bildanfrage abbrechen
desc-styles = Ein Motiv in bis zu 4 Stilen nebeneinander sehen
desc-styles-subject = Was gezeichnet werden soll, z. B. ein Leuchtturm in der Abenddämmerung
desc-styles-styles = Bis zu 4 Stile, durch Kommas getrennt (Standard: fotorealistisch, Ölgemälde, Aquarell, Cyberpunk)
desc-styles-model = Welches Modell sie zeichnet
desc-styles-size = Bildgröße
desc-describe = Ein Bild in Prompts verwandeln, die du nutzen kannst
desc-describe-image = Ein PNG-, JPEG- oder WebP-Bild
desc-describe-model = Welches Modell es beschreibt
desc-blend = 2 bis 5 hochgeladene Bilder zu einem mischen
desc-blend-image1 = Das erste Bild
desc-blend-image2 = Das zweite Bild
desc-blend-image3 = Ein drittes Bild
desc-blend-image4 = Ein viertes Bild
desc-blend-image5 = Ein fünftes Bild
desc-blend-prompt = Wie sie gemischt werden sollen (optional)
desc-blend-model = Welches Modell sie mischt
desc-blend-n = Wie viele Bilder
desc-edit = Ein hochgeladenes Bild ändern, überall oder nur dort, wo eine Maske es markiert
desc-edit-image = Ein PNG-, JPEG- oder WebP-Bild
desc-edit-prompt = Was sich ändern soll
desc-edit-mask = Gleiche Größe wie das Bild: weiß, wo es sich ändern soll, schwarz, wo es bleiben soll
desc-edit-markup = Deine Anweisung, auf eine Kopie des Bildes gezeichnet (für Modelle mit Markierung)
desc-edit-model = Welches Modell es bearbeitet
desc-edit-n = Wie viele Bilder
desc-show = Eines deiner Ergebnisse mit seinen Buttons erneut posten
desc-show-job = Die Auftragsnummer unter dem Ergebnis
desc-settings = Deine Standardeinstellungen für /generieren (ohne Optionen: anzeigen)
desc-settings-model = Dein Standardmodell
desc-settings-size = Deine Standardgröße
desc-settings-quality = Deine Standardqualität
desc-settings-style = Dein Standardstil
desc-settings-suffix = Wörter, die an jeden Prompt angehängt werden (leer: keine)
desc-settings-public = Ergebnisse für alle posten (true) oder nur dir zeigen (false)
desc-settings-reset = Alle deine Standardeinstellungen löschen
desc-help = Wie man Prompts schreibt, alle Befehle, Modelle und Preise, deine Limits
desc-usage = Was du heute verbraucht hast und was noch übrig ist
desc-usage-server = Moderatoren: Ausgaben des Servers pro Tag über 30 Tage und die Top-Nutzer
desc-limits = Die Limits von Easel auf diesem Server ansehen oder ändern
desc-limits-show = Die Limits des Servers oder eines Mitglieds anzeigen
desc-limits-show-user = Ein Mitglied
desc-limits-set = Ein Limit für den Server, eine Rollenstufe oder ein Mitglied festlegen
desc-limits-set-limit = Welches Limit
desc-limits-set-value = Eine Zahl oder `none` für kein Limit
desc-limits-set-user = Ein Mitglied
desc-limits-set-role = Eine Rolle (eine Limitstufe)
desc-limits-reset = Auf die Standardwerte für den Server, eine Rolle oder ein Mitglied zurücksetzen
desc-limits-reset-user = Ein Mitglied
desc-limits-reset-role = Eine Rolle (eine Limitstufe)
desc-limits-block = Ein Mitglied hier für Easel sperren
desc-limits-block-user = Ein Mitglied
desc-limits-block-hours = Wie lange, höchstens ein Jahr (Standard: bis zur Entsperrung)
desc-limits-block-reason = Warum, für die Moderatoren
desc-limits-unblock = Einem gesperrten Mitglied Easel wieder erlauben
desc-limits-unblock-user = Ein Mitglied
desc-moderation = Die Moderationswerkzeuge von Easel
desc-moderation-log-channel = Wo Easel jeden Auftrag protokolliert
desc-moderation-log-channel-channel = Ein Textkanal
desc-moderation-blocklist = Abgelehnte Wörter und Muster
desc-moderation-blocklist-add = Prompts mit diesem Wort oder Muster ablehnen
desc-moderation-blocklist-add-pattern = Ein Wort, eine Wortgruppe oder ein Regex
desc-moderation-blocklist-add-regex = Das Muster als regulären Ausdruck behandeln
desc-moderation-blocklist-remove = Dieses Wort oder Muster nicht mehr ablehnen
desc-moderation-blocklist-remove-pattern = Ein Wort, eine Wortgruppe oder ein Regex
desc-moderation-blocklist-remove-regex = Das Muster als regulären Ausdruck behandeln
desc-moderation-blocklist-list = Die Sperrliste anzeigen
desc-moderation-history = Die letzten Aufträge eines Mitglieds (oder aller) mit Ausgang
desc-moderation-history-user = Ein Mitglied
desc-moderation-history-page = Seitennummer
desc-moderation-unblock = Die Sperre oder Pause eines Mitglieds aufheben
desc-moderation-unblock-user = Ein Mitglied
desc-request = Die Community um ein Bild bitten: Moderatoren genehmigen, der Server zahlt
desc-request-prompt = Beschreibe das gewünschte Bild
desc-request-reference = Ein Bild als Referenz
desc-request-note = Eine Notiz für die Moderatoren
desc-requests = Die Pinnwand für Community-Anfragen
desc-requests-list = Die offenen Anfragen
desc-requests-list-sort = Reihenfolge
desc-requests-channel = Wo Anfragekarten gepostet werden („Server verwalten“)
desc-requests-channel-channel = Der Anfragekanal
desc-requests-gallery = Wo genehmigte Ergebnisse gepostet werden („Server verwalten“)
desc-requests-gallery-channel = Der Galeriekanal
desc-requests-moderators = Eine Rolle, die Anfragen genehmigen und ablehnen darf („Server verwalten“)
desc-requests-moderators-role = Die Rolle
desc-requests-policy = Welche Anfragen zuerst genehmigt werden müssen („Server verwalten“)
desc-requests-policy-mode = Wer eine Genehmigung braucht
desc-requests-policy-role = Für `Mitglieder ohne Rolle`
desc-requests-policy-usd = Für `Anfragen über einer Kostengrenze`: USD
desc-settings-language = Die Sprache, in der Easel dir antwortet (Standard: deine Discord-Sprache)
desc-settings-draft = Bilder von /generieren als günstige Entwürfe erstellen, wenn du nichts anderes angibst
desc-hd-style = Ein gespeicherter Stil von dir oder der des Modells (tippe, um sie zu sehen)
desc-style = Deine gespeicherten Stile: Worte, die ein Prompt bekommt, wenn du ihren Namen als Stil wählst
desc-style-save = Worte unter einem Namen speichern
desc-style-save-name = Der Name des Stils
desc-style-save-text = Die Worte, die er an einen Prompt anhängt
desc-style-save-scope = Nur für dich, oder für alle auf dem Server (Moderatoren)
desc-style-save-reference = Ein Bild, an das sich der Stil hält (Modelle, die eine Referenz annehmen)
desc-style-list = Deine Stile und die des Servers
desc-style-delete = Einen Stil löschen
desc-style-delete-name = Der Name des Stils
desc-style-delete-scope = Nur für dich, oder für alle auf dem Server (Moderatoren)
name-language = sprache

# Nachrichtenbefehle, so wie das Apps-Menü einer Nachricht sie nennt (Wörter, Großbuchstaben und
# Leerzeichen erlaubt; höchstens 32 Zeichen).
menu-edit-with-easel = Mit Easel bearbeiten
menu-vary-with-easel = Mit Easel variieren
menu-describe-with-easel = Mit Easel beschreiben

# Feste Auswahlmöglichkeiten (Modellnamen, Größen und Qualitätsstufen bleiben unverändert).
choice-mine = Meine
choice-server = Server
choice-most-votes = Meiste Stimmen
choice-oldest = Älteste
choice-nobody-off = Niemand (aus)
choice-everyone = Alle
choice-members-without-a-role = Mitglieder ohne Rolle
choice-requests-over-a-cost = Anfragen über einer Kostengrenze
choice-my-discord-language = Meine Discord-Sprache
