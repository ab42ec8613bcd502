//! Which language each reader gets. A member reads their own: the one they chose with `/settings
//! language`, else their Discord client's (`locale`). What many people read in a server (the moderation
//! log, request cards, the gallery, spend alerts, retiring models) is in the server's language
//! (`guild_locale`, learnt from each interaction). `EASEL_DEFAULT_LOCALE` covers the rest: direct
//! messages, servers not heard from yet, languages Easel does not speak.

use std::collections::HashMap;
use std::sync::Mutex;

use super::words::Lang;
use crate::domain::request::JobRequest;

/// The languages Easel answers in, per member and per server.
#[derive(Debug, Default)]
pub struct Languages {
    fallback: Lang,
    servers: Mutex<HashMap<u64, Lang>>,
}

impl Languages {
    /// Languages falling back to `fallback`.
    pub fn new(fallback: Lang) -> Self {
        Self { fallback, servers: Mutex::default() }
    }

    /// The language of what nobody in particular reads (`EASEL_DEFAULT_LOCALE`).
    pub fn fallback(&self) -> Lang {
        self.fallback
    }

    /// A member's language: `chosen` (their `/settings language`), else `discord` (their client's).
    pub fn member(&self, chosen: Option<&str>, discord: Option<&str>) -> Lang {
        Lang::first_spoken([chosen, discord], self.fallback)
    }

    /// The language of the member who asked for `request`, as recorded when they asked.
    pub fn of_request(&self, request: &JobRequest) -> Lang {
        self.member(request.requester.locale.as_deref(), None)
    }

    /// A server's language, as Discord last said (`None`, or a server not heard from: the fallback).
    pub fn server(&self, guild: Option<u64>) -> Lang {
        let servers = self.servers.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        guild.and_then(|g| servers.get(&g).copied()).unwrap_or(self.fallback)
    }

    /// Remembers the language Discord gives for `guild` (one entry per server the bot is in).
    pub fn learn(&self, guild: u64, locale: Option<&str>) {
        let Some(lang) = locale.and_then(Lang::from_code) else { return };
        self.servers.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(guild, lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_language_wins_then_discords_then_the_fallback() {
        let languages = Languages::new(Lang::De);
        assert_eq!(languages.member(Some("ja"), Some("fr")), Lang::Ja);
        assert_eq!(languages.member(None, Some("fr")), Lang::Fr);
        assert_eq!(languages.member(None, Some("nl")), Lang::De);
        languages.learn(1, Some("pt-BR"));
        languages.learn(2, Some("nl"));
        assert_eq!((languages.server(Some(1)), languages.server(Some(2))), (Lang::PtBr, Lang::De));
    }
}
