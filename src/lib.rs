//! Easel: a Discord bot that turns a community's requests into images, for any image model.
//!
//! # Layout
//! Wings, lowest first. A wing may import the wings listed before it, never one after it (the
//! `layout` e2e test checks every `crate::` path in `src/` against this order, and that no two modules
//! inside a wing import each other in a circle):
//!
//! - leaf helpers, importing nothing of Easel's: [`text`] (Discord's text limits, echoed words, error
//!   chains), [`secret`] (tokens that cannot be printed), [`mirror`] (a table kept in memory and
//!   refreshed from the store), [`memory`] (giving memory back after a burst).
//! - [`domain`]: the model catalogue, a member's request and its validation, limits and budgets, time
//!   as a port, the ledger port with its types, and the languages Easel speaks.
//! - [`media`]: image checks and conversions, provenance, trusted downloads, edit masks, the
//!   comparison sheet, the spool.
//! - [`community`]: moderation (rules, pre-check, the audit log), members' settings, spend alerts and
//!   reports, the admin's `/limits`, the words of `/help`.
//! - [`backends`]: one adapter per image provider behind the `ImageBackend` port.
//! - [`jobs`]: a job's life: admission, the queue and its fair lanes, the runner (retries, breakers),
//!   delivery exactly once, settling, cancel, recovery; what goes wrong (`jobs::error`) and what is
//!   counted (`jobs::telemetry`).
//! - [`desk`]: community requests: cards, votes, approvals on the server's budget, the gallery.
//! - [`config`]: typed configuration from the environment.
//! - [`store`]: the SQLite and Postgres adapters of every store port (adapters only).
//! - [`discord`]: the thin serenity adapter (commands in every language, rendering, delivery, rights,
//!   the gateway, who reads which language), and `discord::words`: every sentence members and
//!   moderators read, from the core's typed outcomes and the catalogues in `locales/`.
//! - [`app`]: the process: `run` wires the adapters together; start-up, the model watch, upkeep, the
//!   owner's HTTP endpoint and command-line tools.

pub mod app;
pub mod backends;
pub mod community;
pub mod config;
pub mod desk;
pub mod discord;
pub mod domain;
pub mod jobs;
pub mod media;
pub mod memory;
pub mod mirror;
pub mod secret;
pub mod store;
pub mod text;

pub use app::run::{run, shutdown_signal, RunError};
