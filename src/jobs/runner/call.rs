//! What the runner sends a backend for a job (the call, from the checked request), and what a
//! delivered job costs (the provider's usage when plausible, else the catalogue's estimate).

use tracing::warn;

use super::{Cost, MAX_USAGE_OVER_ESTIMATE};
use crate::backends::BackendCall;
use crate::domain::catalogue::TokenUsage;
use crate::domain::request::JobSpec;

/// The call to the backend for `spec`.
pub(super) fn backend_call(spec: &JobSpec) -> BackendCall {
    BackendCall {
        provider_model: spec.model.provider_model.clone(),
        prompt: spec.prompt.clone(),
        size: spec.size.clone(),
        quality: spec.quality.clone(),
        style: spec.style.clone(),
        n: spec.n,
        response: spec.model.response,
        send_response_format: spec.model.send_response_format,
        edit_image_field: spec.model.edit_image_field.clone(),
        moderation: spec.model.moderation.clone(),
        steps: spec.model.steps.get(&spec.quality).copied(),
        seed: spec.seed,
        negative_prompt: spec.negative_prompt.clone(),
        upscaler: spec.model.upscaler.clone(),
        markup_field: spec.model.markup_field.clone(),
        steps_override: spec.steps,
        cfg_scale: spec.cfg_scale,
        sampler: spec.sampler.clone().or_else(|| spec.model.sampler.clone()),
        scheduler: spec.model.scheduler.clone(),
        hires: spec.hires,
        workflow: spec.model.workflow.clone(),
        image_workflow: spec.model.image_workflow.clone(),
        blend_workflow: spec.model.blend_workflow.clone(),
        inpaint_workflow: spec.model.inpaint_workflow.clone(),
        // Streamed partial images come for single images only.
        partial_images: if spec.n == 1 { spec.model.partial_images } else { 0 },
        input_fidelity: spec.model.input_fidelity.clone(),
    }
}

/// What a delivered job costs: its real cost from the provider's token usage when that is plausible
/// (finite, not negative, at most ten times the estimate plus ten cents), else the catalogue's estimate.
pub(super) fn settled_cost(job: &str, spec: &JobSpec, usage: Option<TokenUsage>, images: usize) -> Cost {
    let estimate = spec.model.estimate_usd(&spec.size, &spec.quality, u8::try_from(images).unwrap_or(u8::MAX));
    match usage.and_then(|u| spec.model.usage_usd(&u)) {
        Some(usd) if usd.is_finite() && usd >= 0.0 && usd <= estimate * MAX_USAGE_OVER_ESTIMATE + 0.10 => {
            Cost { usd, from_usage: true }
        }
        Some(usd) => {
            warn!(
                job,
                reported_usd = usd,
                estimate,
                "implausible token usage from the provider; charging the estimate"
            );
            Cost { usd: estimate, from_usage: false }
        }
        None => Cost { usd: estimate, from_usage: false },
    }
}
