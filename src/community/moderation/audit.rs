//! The audit log's entry of one job: who asked what, where, on which model, how it ended and why.

use chrono::{DateTime, Utc};

use crate::domain::ids::MemberId;
use crate::domain::request::{JobRequest, JobSpec, JobTag};

/// How a job ended, as moderators read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The images reached the member.
    Delivered,
    /// The provider's content policy refused it.
    RefusedByProvider,
    /// The server's rules (blocklist or pre-check) refused it before any model call.
    RefusedByRules,
    /// Something else went wrong.
    Failed,
}

impl Outcome {
    /// The value stored in the audit log.
    pub fn key(self) -> &'static str {
        match self {
            Self::Delivered => "delivered",
            Self::RefusedByProvider => "refused_provider",
            Self::RefusedByRules => "refused_rules",
            Self::Failed => "failed",
        }
    }

    /// Parses [`Self::key`].
    pub fn from_key(key: &str) -> Self {
        match key {
            "delivered" => Self::Delivered,
            "refused_provider" => Self::RefusedByProvider,
            "refused_rules" => Self::RefusedByRules,
            _ => Self::Failed,
        }
    }

    /// For moderators.
    pub fn label(self) -> &'static str {
        match self {
            Self::Delivered => "delivered",
            Self::RefusedByProvider => "refused by provider",
            Self::RefusedByRules => "refused by server rules",
            Self::Failed => "failed",
        }
    }

    /// Whether it counts towards the repeat-offender pause.
    pub fn is_refusal(self) -> bool {
        matches!(self, Self::RefusedByProvider | Self::RefusedByRules)
    }
}

/// One job as the audit log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// The job, who asked, where, and on which model.
    pub tag: JobTag,
    /// Size asked.
    pub size: String,
    /// Quality asked.
    pub quality: String,
    /// The prompt as typed.
    pub prompt: String,
    /// The prompt the model used, if it said.
    pub revised_prompt: Option<String>,
    /// How it ended.
    pub outcome: Outcome,
    /// Why it was refused or failed (the provider's words, the rule, the error).
    pub reason: Option<String>,
    /// What it cost, USD.
    pub cost_usd: f64,
    /// The result message, when delivered.
    pub message_id: Option<u64>,
    /// The first image as Discord serves it, when delivered.
    pub image_url: Option<String>,
    /// When it ended.
    pub created_at: DateTime<Utc>,
    /// A small PNG of the first image (at most 256 px) that the log message carries itself, so it never
    /// expires the way a signed attachment link does. Not stored.
    pub thumbnail: Option<Vec<u8>>,
    /// The job this one came from (a button under its result), so moderators can walk a chain: in the
    /// log's message and in `/moderation history`.
    pub parent: Option<String>,
}

/// The stored reason of a job cancelled by a member: who, as data (the adapter words it for readers).
const CANCELLED_BY: &str = "cancelled-by:";

impl AuditEntry {
    /// The reason recorded for a job `by` cancelled.
    pub fn cancelled_reason(by: MemberId) -> String {
        format!("{CANCELLED_BY}{by}")
    }

    /// Who cancelled the job, when that is its reason.
    pub fn cancelled_by(reason: &str) -> Option<MemberId> {
        reason.strip_prefix(CANCELLED_BY)?.parse().ok().map(MemberId)
    }

    /// The entry of a job that ended with `outcome` (nothing delivered yet: the caller adds the
    /// revised prompt, cost and message of a delivered job).
    pub fn ended(
        request: &JobRequest,
        spec: &JobSpec,
        outcome: Outcome,
        reason: Option<String>,
        at: DateTime<Utc>,
    ) -> Self {
        Self {
            tag: JobTag::of(request, &spec.model.id),
            size: spec.size.clone(),
            quality: spec.quality.clone(),
            prompt: spec.logged_words(),
            revised_prompt: None,
            outcome,
            reason,
            cost_usd: 0.0,
            message_id: None,
            image_url: None,
            thumbnail: None,
            created_at: at,
            parent: request.parent.as_ref().map(|p| p.0.clone()),
        }
    }
}
