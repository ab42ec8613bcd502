//! End-to-end tests: the real bot (serenity client included) against a local Discord and model API.
//! One test binary, with a module per area, so the suite links once.

#[path = "../support/mod.rs"]
mod support;

mod bucket;
mod comfyui;
mod comfyui_real;
mod database_tls;
mod describe;
mod edit;
mod everywhere;
mod failures;
mod generate;
mod hardening;
mod iterate;
mod languages;
mod layout;
mod limits;
mod member;
mod moderation;
mod operations;
mod previews;
mod processes;
mod queue;
mod recovery;
mod requests;
mod scale;
mod shards;
mod stability;
mod stable_diffusion;
mod startup;
mod stores;
mod studio;
mod styles;
mod tools;
mod trust;
mod variation;
mod watch;
