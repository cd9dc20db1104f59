//! The per-client rate limit on signature posts: a token bucket per client address, holding
//! at most `per_minute` posts and refilled at `per_minute` a minute.

use std::{
    collections::HashMap,
    net::IpAddr,
    time::{Duration, Instant},
};

/// Past this many clients, buckets that have filled up again are forgotten (a full bucket is
/// the same as no bucket), so the map stays small.
const PRUNE_AT: usize = 4096;

#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    buckets: HashMap<IpAddr, Bucket>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl RateLimiter {
    /// `per_minute` posts a minute per client; 0 turns the limit off.
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute,
            buckets: HashMap::new(),
        }
    }

    /// Takes one post from `client`'s allowance, or says how long until it has one.
    pub fn check(&mut self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        if self.buckets.len() >= PRUNE_AT {
            self.buckets
                .retain(|_, bucket| bucket.level(now, capacity, per_second) < capacity);
        }
        let bucket = self.buckets.entry(client).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        bucket.tokens = bucket.level(now, capacity, per_second);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second))
        }
    }

    /// Forgets every client's use (for `POST /__reset`).
    pub fn clear(&mut self) {
        self.buckets.clear();
    }
}

impl Bucket {
    fn level(&self, now: Instant, capacity: f64, per_second: f64) -> f64 {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        (self.tokens + elapsed * per_second).min(capacity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANA: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const BEN: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 2));

    #[test]
    fn a_burst_then_one_a_second_at_sixty_a_minute() {
        let mut limiter = RateLimiter::new(60);
        let start = Instant::now();
        for _ in 0..60 {
            assert_eq!(limiter.check(ANA, start), Ok(()));
        }
        let wait = limiter.check(ANA, start).unwrap_err();
        assert!(
            wait > Duration::from_millis(990) && wait <= Duration::from_secs(1),
            "{wait:?}"
        );
        assert_eq!(limiter.check(BEN, start), Ok(()), "each client has its own");
        let later = start + Duration::from_secs(1);
        assert_eq!(limiter.check(ANA, later), Ok(()));
        assert!(limiter.check(ANA, later).is_err());
        let much_later = start + Duration::from_secs(3600);
        for _ in 0..60 {
            assert_eq!(limiter.check(ANA, much_later), Ok(()));
        }
        assert!(
            limiter.check(ANA, much_later).is_err(),
            "never more than a minute's worth"
        );
    }

    #[test]
    fn zero_is_no_limit() {
        let mut limiter = RateLimiter::new(0);
        let now = Instant::now();
        for _ in 0..10_000 {
            assert_eq!(limiter.check(ANA, now), Ok(()));
        }
    }

    #[test]
    fn clear_forgets() {
        let mut limiter = RateLimiter::new(1);
        let now = Instant::now();
        assert!(limiter.check(ANA, now).is_ok());
        assert!(limiter.check(ANA, now).is_err());
        limiter.clear();
        assert!(limiter.check(ANA, now).is_ok());
    }

    #[test]
    fn full_buckets_are_forgotten_when_there_are_many_clients() {
        let mut limiter = RateLimiter::new(60);
        let start = Instant::now();
        for i in 0..PRUNE_AT as u32 {
            limiter
                .check(IpAddr::from((i + 1).to_be_bytes()), start)
                .unwrap();
        }
        assert_eq!(limiter.buckets.len(), PRUNE_AT);
        limiter.check(ANA, start + Duration::from_secs(60)).unwrap();
        assert_eq!(limiter.buckets.len(), 1);
    }
}
