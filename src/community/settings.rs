//! Each member's own defaults (`/settings`): the model, size, quality and style `/generate` uses when
//! they leave an option out, words added to every prompt, and whether results are shown to everyone.
//!
//! A saved value the chosen model does not offer is skipped rather than refused, so an explicit
//! `model:` never fails because of an old default.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::catalogue::Catalogue;
use crate::domain::clock::Clock;
use crate::domain::ids::{MemberId, ServerId};
use crate::domain::ledger::StoreError;
use crate::domain::request::{Command, JobRequest, SourceImage};
use crate::mirror::Mirror;

/// The longest prompt suffix a member may save.
pub const MAX_SUFFIX_CHARS: usize = 500;

/// The key a member's own settings are kept under, for their jobs outside a server that installed
/// Easel (direct messages, group DMs, servers where only they installed it): no server has id 0.
pub const PERSONAL: u64 = 0;

/// The key a member's settings are kept under where they ask: their server, else [`PERSONAL`].
pub fn scope_key(guild: Option<u64>) -> u64 {
    guild.unwrap_or(PERSONAL)
}

/// A member's saved defaults; `None` is "not set".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSettings {
    /// Default model.
    pub model: Option<String>,
    /// Default size.
    pub size: Option<String>,
    /// Default quality.
    pub quality: Option<String>,
    /// Default style.
    pub style: Option<String>,
    /// Words added after every prompt.
    pub suffix: Option<String>,
    /// Whether results are posted for everyone (the default) or shown to the member alone.
    pub public: Option<bool>,
    /// The language Easel answers them in (a locale code the adapter checked); unset: their Discord
    /// client's. In a change, an empty code clears it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Whether `/generate` makes drafts (the model's cheapest quality, with an Enhance button) unless
    /// the command says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<bool>,
    /// Saved styles, by name (see `community::styles`): the member's own, or for the server's account
    /// the server's.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub styles: std::collections::BTreeMap<String, String>,
    /// The reference picture a saved style keeps, by the style's name (see `community::styles`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub style_pictures: std::collections::BTreeMap<String, SourceImage>,
}

/// Where members' settings are kept.
#[async_trait]
pub trait SettingsStore: Send + Sync {
    /// A member's settings in a server (all unset when never saved).
    async fn member_settings(&self, guild_id: ServerId, user_id: MemberId) -> Result<MemberSettings, StoreError>;
    /// Saves (or, with all unset, clears) a member's settings, recording `now` as when they changed (a
    /// cleared member's row stays, empty, so other processes see the clearing).
    async fn save_member_settings(
        &self,
        guild_id: ServerId,
        user_id: MemberId,
        settings: &MemberSettings,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Every member's settings changed at or after `since` (all of them from the start of time), with
    /// when each changed: what a process keeping them in memory reads to stay current.
    async fn member_settings_changed(&self, since: DateTime<Utc>) -> Result<Vec<SettingsChange>, StoreError>;
}

/// One member's settings as they changed, for [`SettingsStore::member_settings_changed`].
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsChange {
    /// The server.
    pub guild_id: u64,
    /// The member.
    pub user_id: u64,
    /// Their settings now (all unset when cleared).
    pub settings: MemberSettings,
    /// When they changed.
    pub changed_at: DateTime<Utc>,
}

/// Members' settings as Easel reads them: from memory (a [`Mirror`] of the store), so the answer to an
/// interaction never waits on the database; saved through the store and the mirror at once.
pub struct Settings {
    store: Arc<dyn SettingsStore>,
    mirror: Mirror<(u64, u64), MemberSettings>,
    clock: Arc<dyn Clock>,
}

impl Settings {
    /// Settings kept in `store`; nothing is known until [`Self::refresh`] first succeeds.
    pub fn new(store: Arc<dyn SettingsStore>, clock: Arc<dyn Clock>) -> Self {
        Self { store, mirror: Mirror::default(), clock }
    }

    /// A member's settings as known in memory, or `None` when nothing is known yet (callers fail
    /// closed: a member whose privacy is unknown is answered privately).
    pub fn known(&self, guild_id: u64, user_id: u64) -> Option<MemberSettings> {
        self.mirror.get(&(guild_id, user_id)).map(Option::unwrap_or_default)
    }

    /// The language a member chose where `guild_id` says (a server, or [`PERSONAL`]), as known in
    /// memory; where they chose none, the one they chose for their own jobs.
    pub fn language(&self, guild_id: u64, user_id: u64) -> Option<String> {
        let chosen = |key| self.known(key, user_id).and_then(|s| s.language);
        chosen(guild_id).or_else(|| chosen(PERSONAL))
    }

    /// A member's settings: from memory when known, else from the store.
    pub async fn read(&self, guild_id: u64, user_id: u64) -> Result<MemberSettings, StoreError> {
        match self.known(guild_id, user_id) {
            Some(settings) => Ok(settings),
            None => self.store.member_settings(ServerId(guild_id), MemberId(user_id)).await,
        }
    }

    /// Saves a member's settings (all unset clears them), in the store and in memory.
    pub async fn save(&self, guild_id: u64, user_id: u64, settings: &MemberSettings) -> Result<(), StoreError> {
        self.store.save_member_settings(ServerId(guild_id), MemberId(user_id), settings, self.clock.now()).await?;
        let kept = (*settings != MemberSettings::default()).then(|| settings.clone());
        self.mirror.set((guild_id, user_id), kept);
        Ok(())
    }

    /// Reads what changed in the store since the last look (every row the first time).
    pub async fn refresh(&self) -> Result<(), StoreError> {
        let changes = self.store.member_settings_changed(self.mirror.since()).await?;
        self.mirror.apply(
            changes
                .into_iter()
                .map(|c| {
                    let kept = (c.settings != MemberSettings::default()).then_some(c.settings);
                    ((c.guild_id, c.user_id), kept, c.changed_at)
                })
                .collect(),
        );
        Ok(())
    }
}

/// Why a setting was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// No such model offered.
    #[error("`{0}` is not offered")]
    UnknownModel(String),
    /// The model does not offer the value.
    #[error("`{model}` does not offer {option} `{value}`")]
    NotOffered {
        /// Model id.
        model: String,
        /// Which option.
        option: &'static str,
        /// The value.
        value: String,
    },
    /// The suffix is too long.
    #[error("a prompt suffix of {0} characters")]
    SuffixTooLong(usize),
}

impl MemberSettings {
    /// These settings with `change`'s values set, checked against the offered catalogue (the size,
    /// quality and style against the model the member will get).
    pub fn updated(
        &self,
        change: MemberSettings,
        catalogue: &Catalogue,
        default_model: &str,
    ) -> Result<Self, SettingsError> {
        let mut next = self.clone();
        if let Some(model) = change.model {
            catalogue.get(&model).ok_or_else(|| SettingsError::UnknownModel(model.clone()))?;
            next.model = Some(model);
        }
        let model_id = next.model.clone().unwrap_or_else(|| default_model.to_owned());
        let model = catalogue.get(&model_id).ok_or_else(|| SettingsError::UnknownModel(model_id.clone()))?;
        let offered = |option: &'static str, value: Option<String>, allowed: &[String]| match value {
            Some(v) if !allowed.contains(&v) => {
                Err(SettingsError::NotOffered { model: model.id.clone(), option, value: v })
            }
            other => Ok(other),
        };
        if let Some(size) = offered("size", change.size, &model.sizes)? {
            next.size = Some(size);
        }
        if let Some(quality) = offered("quality", change.quality, &model.qualities)? {
            next.quality = Some(quality);
        }
        if let Some(style) = offered("style", change.style, &model.styles)? {
            next.style = Some(style);
        }
        if let Some(suffix) = change.suffix.map(|s| crate::text::clean(&s)) {
            let len = suffix.chars().count();
            if len > MAX_SUFFIX_CHARS {
                return Err(SettingsError::SuffixTooLong(len));
            }
            next.suffix = (!suffix.is_empty()).then_some(suffix);
        }
        if change.public.is_some() {
            next.public = change.public;
        }
        if let Some(language) = change.language {
            next.language = (!language.is_empty()).then_some(language);
        }
        if change.draft.is_some() {
            next.draft = change.draft;
        }
        Ok(next)
    }

    /// The member's chosen language, for every word about `request`.
    pub fn apply_language(&self, request: &mut JobRequest) {
        if let Some(language) = &self.language {
            request.requester.locale = Some(language.clone());
        }
    }

    /// Fills the options a request left out from these settings: the model, then any size, quality and
    /// style that model offers (prompt commands only), the suffix after the prompt, and privacy.
    pub fn apply(&self, request: &mut JobRequest, catalogue: &Catalogue) {
        request.private = self.public == Some(false);
        self.apply_language(request);
        if !matches!(request.command, Command::Generate | Command::Hd | Command::Styles) {
            return;
        }
        if request.model.is_none() {
            request.model = self.model.clone().filter(|m| catalogue.get(m).is_some());
        }
        // A quality the member typed is what they want this time: a saved draft gives way to it.
        if request.draft.is_none() && request.quality.is_none() && request.command == Command::Generate {
            request.draft = self.draft;
        }
        let Some(model) =
            request.model.as_deref().and_then(|m| catalogue.get(m)).or_else(|| catalogue.models().first())
        else {
            return;
        };
        let fill = |given: &mut Option<String>, saved: &Option<String>, allowed: &[String]| {
            if given.is_none() {
                *given = saved.clone().filter(|v| allowed.contains(v));
            }
        };
        fill(&mut request.size, &self.size, &model.sizes);
        fill(&mut request.quality, &self.quality, &model.qualities);
        fill(&mut request.style, &self.style, &model.styles);
        if let (Some(prompt), Some(suffix)) = (request.prompt.as_mut(), self.suffix.as_deref()) {
            prompt.push_str(", ");
            prompt.push_str(suffix);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::request::tests::request;

    #[test]
    fn saved_defaults_fill_only_what_the_request_leaves_out_and_fit_the_model() {
        let catalogue = Catalogue::builtin();
        let saved = MemberSettings::default()
            .updated(
                MemberSettings {
                    model: Some("dall-e-3".into()),
                    size: Some("1792x1024".into()),
                    style: Some("natural".into()),
                    suffix: Some("in pastel colours".into()),
                    public: Some(false),
                    ..MemberSettings::default()
                },
                &catalogue,
                "gpt-image-2",
            )
            .unwrap();
        let mut r = request(Command::Generate, "a fox");
        saved.apply(&mut r, &catalogue);
        assert_eq!(
            (r.model.as_deref(), r.size.as_deref(), r.style.as_deref()),
            (Some("dall-e-3"), Some("1792x1024"), Some("natural"))
        );
        assert_eq!((r.prompt.as_deref(), r.private), (Some("a fox, in pastel colours"), true));
        let mut other = request(Command::Generate, "a fox");
        other.model = Some("gpt-image-2".into());
        saved.apply(&mut other, &catalogue);
        assert_eq!((other.size, other.style), (None, None), "what gpt-image-2 does not offer is skipped");
    }

    #[test]
    fn a_saved_draft_gives_way_to_a_quality_the_member_typed() {
        let catalogue = Catalogue::builtin();
        let saved = MemberSettings { draft: Some(true), ..MemberSettings::default() };
        let mut plain = request(Command::Generate, "a fox");
        saved.apply(&mut plain, &catalogue);
        let mut typed = request(Command::Generate, "a fox");
        typed.quality = Some("high".into());
        saved.apply(&mut typed, &catalogue);
        assert_eq!((plain.draft, typed.draft), (Some(true), None));
    }

    #[test]
    fn a_value_the_model_does_not_offer_is_refused_with_its_name() {
        let refused = MemberSettings::default().updated(
            MemberSettings { size: Some("256x256".into()), ..MemberSettings::default() },
            &Catalogue::builtin(),
            "gpt-image-2",
        );
        let expected =
            SettingsError::NotOffered { model: "gpt-image-2".into(), option: "size", value: "256x256".into() };
        assert_eq!(refused.unwrap_err(), expected);
    }
}
