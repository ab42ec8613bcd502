//! `/usage server`'s reads of the ledger: charged jobs only.

use super::{count, id, Columns};
use crate::community::report::RequesterSpend;
use crate::domain::ledger::StoreError;

/// What failed jobs cost the owner in a server since a time: `guild_id`, `since`.
pub const FAILED_SPEND: &str = "SELECT COALESCE(SUM(usd), 0) FROM owner_spend WHERE guild_id = ?1 AND created_at >= ?2";

/// The members who spent most in a server since a time: `guild_id`, `since`, how many.
pub const TOP_REQUESTERS: &str = "SELECT user_id, CAST(SUM(images) AS BIGINT), SUM(cost_usd) AS usd FROM ledger
     WHERE guild_id = ?1 AND state = 'committed' AND created_at >= ?2
     GROUP BY user_id ORDER BY usd DESC NULLS LAST LIMIT ?3";

/// A row of [`TOP_REQUESTERS`].
pub fn requester_spend(r: &dyn Columns) -> Result<RequesterSpend, StoreError> {
    Ok(RequesterSpend { user_id: id(r.int(0)?), images: count(r.int(1)?), usd: r.opt_real(2)?.unwrap_or(0.0) })
}
