//! `/describe`: the member's picture checked like any upload and turned into prompt suggestions by the
//! describer the catalogue names, retried like a model call; it costs the describer's price.

use super::{Cost, FinishedJob, Runner};
use crate::backends::{BackendError, Generated};
use crate::domain::request::{JobRequest, JobSpec};
use crate::jobs::error::JobError;

/// The longest side of the copy of the picture a describer is sent: enough to describe, small to send.
const DESCRIBE_SIDE: u32 = 1024;

impl Runner {
    /// Describes the job's picture: its prompt suggestions, at the describer's price.
    pub(super) async fn describe(&self, request: &JobRequest, spec: &JobSpec) -> Result<FinishedJob, JobError> {
        let kind = spec.model.backend;
        let describer = self.describers.get(&kind).ok_or_else(|| {
            JobError::Misconfigured(BackendError::BadRequest {
                param: "model".into(),
                message: format!("no describer is configured for `{}`", spec.model.id),
            })
        })?;
        let source =
            request.source.as_ref().ok_or_else(|| JobError::Unexpected("a description without its picture".into()))?;
        let png = self.checked_picture(source, DESCRIBE_SIDE).await?;
        let model = spec.model.provider_model.as_str();
        let described = self
            .retrying(kind, &request.id.0, || async {
                let suggestions = describer.describe(model, &png).await?;
                Ok(Generated { suggestions, ..Generated::default() })
            })
            .await
            .map_err(|e| JobError::from_backend(e, &spec.model.id, None))?;
        Ok(FinishedJob {
            images: Vec::new(),
            revised_prompt: None,
            cost: Cost { usd: spec.estimate_usd, from_usage: false },
            seeds: Vec::new(),
            details: None,
            suggestions: described.suggestions,
        })
    }
}
