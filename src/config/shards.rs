//! Which of the bot's gateway shards this process runs (`EASEL_SHARDS`): all of Discord's recommended
//! count (the default), or a range such as `0-3/8`, so several processes share one bot. A guild's
//! events go to shard `(guild_id >> 22) % shards`; interactions are answered over REST, so any process
//! may run, deliver or cancel any job.

use std::fmt;

/// The most shards Easel plans for (Discord's largest bots use a few thousand).
pub const MAX_SHARDS: u32 = 65_536;

/// The shards this process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShardPlan {
    /// Every shard of the count Discord recommends (`GET /gateway/bot`).
    #[default]
    All,
    /// Shards `first` to `last` (inclusive) of `total`.
    Range {
        /// The first shard run here.
        first: u32,
        /// The last shard run here.
        last: u32,
        /// How many shards the bot has in all.
        total: u32,
    },
}

impl ShardPlan {
    /// Reads `all`, `i/n` or `i-j/n`; `Err` says what is expected.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        if raw.eq_ignore_ascii_case("all") {
            return Ok(Self::All);
        }
        let expected = || format!("`all`, or a range of shards and their count such as `0-3/8` (got `{raw}`)");
        let (range, total) = raw.split_once('/').ok_or_else(expected)?;
        let (first, last) = range.split_once('-').unwrap_or((range, range));
        let number = |s: &str| s.trim().parse::<u32>().map_err(|_| expected());
        let (first, last, total) = (number(first)?, number(last)?, number(total)?);
        if total == 0 || total > MAX_SHARDS || first > last || last >= total {
            return Err(format!(
                "shards {first} to {last} of {total} is not a range within 0 to {} (at most {MAX_SHARDS} shards)",
                total.saturating_sub(1)
            ));
        }
        Ok(Self::Range { first, last, total })
    }

    /// The shard a guild's events arrive on, with `total` shards.
    pub fn shard_of(guild_id: u64, total: u32) -> u32 {
        ((guild_id >> 22) % u64::from(total.max(1))) as u32
    }
}

impl fmt::Display for ShardPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::All => f.write_str("all shards (Discord's recommended count)"),
            Self::Range { first, last, total } if first == last => write!(f, "shard {first} of {total}"),
            Self::Range { first, last, total } => write!(f, "shards {first} to {last} of {total}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_are_read_and_bad_ranges_refused_with_the_rule() {
        assert_eq!(ShardPlan::parse("all"), Ok(ShardPlan::All));
        assert_eq!(ShardPlan::parse("0-3/8"), Ok(ShardPlan::Range { first: 0, last: 3, total: 8 }));
        assert_eq!(ShardPlan::parse("5/8"), Ok(ShardPlan::Range { first: 5, last: 5, total: 8 }));
        assert!(ShardPlan::parse("4-9/8").unwrap_err().contains("not a range within 0 to 7"));
        assert!(ShardPlan::parse("3-1/8").is_err());
        assert!(ShardPlan::parse("0/0").is_err());
        assert!(ShardPlan::parse("half").unwrap_err().contains("such as `0-3/8`"));
        assert_eq!(ShardPlan::parse("0-3/8").unwrap().to_string(), "shards 0 to 3 of 8");
    }

    #[test]
    fn a_guilds_shard_is_discords_formula() {
        assert_eq!(ShardPlan::shard_of(41_771_983_423_143_937, 1), 0);
        assert_eq!(ShardPlan::shard_of(175_928_847_299_117_063, 2), ((175_928_847_299_117_063u64 >> 22) % 2) as u32);
    }
}
