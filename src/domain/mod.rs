//! What Easel is about, with no way to reach the world: the model catalogue, a member's request and its
//! validation, the limits and budgets, time as a port, and the ledger port every store implements.
//!
//! May import: the leaf helpers (`text`, `secret`, `mirror`, `memory`) only.

pub mod catalogue;
pub mod clock;
pub mod ids;
pub mod lang;
pub mod ledger;
pub mod limits;
pub mod request;
