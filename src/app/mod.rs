//! The process: wiring concrete adapters together (`run`), start-up and the live model watch, timed
//! upkeep, the owner's HTTP endpoint and command-line tools.
//!
//! May import: every wing.

pub mod http;
pub mod lifecycle;
pub mod run;
pub mod startup;
pub mod tools;
pub mod upkeep;
pub mod watch;
