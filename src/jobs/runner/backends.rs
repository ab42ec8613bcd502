//! The backends a runner calls, one per kind of provider, and the images-per-minute cap that paces a
//! backend's calls.

use std::num::NonZeroU32;
use std::sync::Arc;

use crate::backends::ImageBackend;
use crate::domain::catalogue::BackendKind;

/// The image backends, one per kind of provider; a kind not configured is `None` (its models are
/// never offered, see `lifecycle`).
#[derive(Clone)]
pub struct Backends {
    /// OpenAI or a compatible server.
    pub openai: Arc<dyn ImageBackend>,
    /// AUTOMATIC1111 Stable Diffusion, when `SD_BASE_URL` is set.
    pub automatic1111: Option<Arc<dyn ImageBackend>>,
    /// ComfyUI, when `COMFYUI_URL` is set.
    pub comfyui: Option<Arc<dyn ImageBackend>>,
    /// Stability AI, when `STABILITY_API_KEY` is set.
    pub stability: Option<Arc<dyn ImageBackend>>,
}

impl Backends {
    /// Only the OpenAI-compatible backend.
    pub fn openai_only(openai: Arc<dyn ImageBackend>) -> Self {
        Self { openai, automatic1111: None, comfyui: None, stability: None }
    }

    /// The backend serving `kind`, if configured.
    pub fn get(&self, kind: BackendKind) -> Option<&Arc<dyn ImageBackend>> {
        match kind {
            BackendKind::Openai => Some(&self.openai),
            BackendKind::Automatic1111 => self.automatic1111.as_ref(),
            BackendKind::Comfyui => self.comfyui.as_ref(),
            BackendKind::Stability => self.stability.as_ref(),
        }
    }
}

/// An images-per-minute cap on one backend, spread evenly (one image every `60 / per_minute` seconds),
/// with at most ten images, or the whole minute's worth when less, at once.
pub struct ImageRate {
    limiter: governor::DefaultDirectRateLimiter,
    burst: NonZeroU32,
}

impl ImageRate {
    /// A cap of `per_minute` images a minute.
    pub fn per_minute(per_minute: NonZeroU32) -> Self {
        let burst = per_minute.min(NonZeroU32::new(10).expect("ten is not zero"));
        let quota = governor::Quota::per_minute(per_minute).allow_burst(burst);
        Self { limiter: governor::RateLimiter::direct(quota), burst }
    }

    /// Waits until `images` more may be asked for (a job larger than the burst takes the whole burst).
    pub(super) async fn wait(&self, images: u8) {
        let wanted = NonZeroU32::new(u32::from(images)).unwrap_or(NonZeroU32::MIN).min(self.burst);
        // `wanted` never exceeds the burst, so the limiter always has the capacity.
        let _ = self.limiter.until_n_ready(wanted).await;
    }
}
