//! Prompts rendered in English before a model that reads English only (its catalogue entry's
//! `translate_prompt`), by the configured translator. The member's own words stay in the request and
//! on the result; the English is what the model is sent and what the result shows beside them. The
//! translation is the owner's cost: the member is charged the image alone.

use std::sync::Arc;

use backon::{ExponentialBuilder, Retryable};
use tracing::{info, warn};

use super::Runner;
use crate::backends::Translator;
use crate::domain::request::{JobRequest, JobSpec};
use crate::jobs::error::JobError;

impl Runner {
    /// Renders prompts in English with `translator` for models that need it (`None`: sent as written).
    pub fn with_translator(mut self, translator: Option<Arc<dyn Translator>>) -> Self {
        self.translator = translator;
        self
    }

    /// Whether prompts are translated for models that read English only.
    pub fn translates(&self) -> bool {
        self.translator.is_some()
    }

    /// `spec` with every text of the member's in English, when its model reads English only and the
    /// words may not be English; `None` when it is sent as it is.
    pub(super) async fn in_english(&self, request: &JobRequest, spec: &JobSpec) -> Result<Option<JobSpec>, JobError> {
        let Some(translator) = self.translator.as_deref() else { return Ok(None) };
        if !spec.model.translate_prompt || !spec.member_texts().iter().any(|t| may_not_be_english(request, t)) {
            return Ok(None);
        }
        let mut english = spec.clone();
        if let Some(prompt) = &spec.prompt {
            english.prompt = Some(self.translated(translator, request, prompt).await?);
        }
        if let Some(negative) = &spec.negative_prompt {
            english.negative_prompt = Some(self.translated(translator, request, negative).await?);
        }
        for (prompt, _) in &mut english.style_prompts {
            *prompt = self.translated(translator, request, prompt).await?;
        }
        english.translated_prompt =
            english.prompt.clone().or_else(|| english.style_prompts.first().map(|p| p.0.clone()));
        info!(job = %request.id, "prompt translated into English for a model that reads English only");
        Ok(Some(english))
    }

    /// One text in English, retrying the translator's transient faults as a model call's.
    async fn translated(
        &self,
        translator: &dyn Translator,
        request: &JobRequest,
        text: &str,
    ) -> Result<String, JobError> {
        let backoff = ExponentialBuilder::default()
            .with_min_delay(self.retry.min_delay)
            .with_max_delay(self.retry.max_delay)
            .with_max_times(self.retry.retries)
            .with_jitter();
        (|| translator.to_english(text))
            .retry(backoff)
            .sleep(tokio::time::sleep)
            .when(crate::backends::BackendError::is_transient)
            .notify(|e, wait| warn!(job = %request.id, error = %e, ?wait, "the translator failed, retrying"))
            .await
            .map_err(JobError::Untranslated)
    }
}

/// Whether `text` may be in another language than English: it has letters outside ASCII, or the
/// member reads another language (Spanish or German prompts are often plain ASCII).
fn may_not_be_english(request: &JobRequest, text: &str) -> bool {
    let english_reader = request.requester.locale.as_deref().is_none_or(|l| l.to_ascii_lowercase().starts_with("en"));
    !text.is_ascii() || !english_reader
}
