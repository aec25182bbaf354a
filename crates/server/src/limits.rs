//! The sync API's bounds: sizes the contract fixes (constants) and the rate
//! limits (configurable), per client address and per space.

use crate::error::ApiError;
use crate::ids::{RecordData, RecordId, SpaceId};
use axum::http::{HeaderMap, HeaderName};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota as GovernorQuota, RateLimiter};
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU32, Ordering};

pub const MAX_RECORDS_PER_PUSH: usize = 100;
pub const DEFAULT_PULL_LIMIT: u32 = 200;
pub const MAX_PULL_LIMIT: u32 = 500;

/// The longest compact JSON of one pushed record: `{"id":…,"data":…},`.
const MAX_RECORD_JSON: usize =
    r#"{"id":"","data":""},"#.len() + RecordId::MAX_LEN + RecordData::MAX_BYTES.div_ceil(3) * 4;

/// Request bodies above this are refused with a JSON 413. A full batch of
/// maximal records (≈ 2.09 MiB compact) must fit, so this is 2.5 MiB, not
/// the 2 MiB the first draft of the contract said (see API.md).
pub const MAX_BODY_BYTES: usize = 5 * 512 * 1024;
const _: () = assert!(MAX_RECORDS_PER_PUSH * MAX_RECORD_JSON + 64 < MAX_BODY_BYTES);

/// A token bucket: `burst` requests at once, refilled at `per_second`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub per_second: NonZeroU32,
    pub burst: NonZeroU32,
}

impl Rate {
    pub const fn new(per_second: u32, burst: u32) -> Rate {
        match (NonZeroU32::new(per_second), NonZeroU32::new(burst)) {
            (Some(per_second), Some(burst)) => Rate { per_second, burst },
            _ => panic!("a rate is at least 1 per second, burst at least 1"),
        }
    }
}

/// A slow bucket, for guessable secrets: `burst` at once, then
/// `per_minute`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlowRate {
    pub per_minute: NonZeroU32,
    pub burst: NonZeroU32,
}

impl SlowRate {
    pub const fn new(per_minute: u32, burst: u32) -> SlowRate {
        match (NonZeroU32::new(per_minute), NonZeroU32::new(burst)) {
            (Some(per_minute), Some(burst)) => SlowRate { per_minute, burst },
            _ => panic!("a rate is at least 1 per minute, burst at least 1"),
        }
    }
}

/// The professional space's guessable secrets: passwords and join codes.
/// Join codes: 20⁶ = 64 million; at 20 attempts a minute, one address
/// needs ≈ 3 years to try half of them. A room of 30 learners behind one
/// Wi-Fi joins at once within the address's burst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuessLimits {
    pub sign_in_address: SlowRate,
    pub sign_in_account: SlowRate,
    pub join_address: SlowRate,
    pub join_space: SlowRate,
}

impl Default for GuessLimits {
    fn default() -> Self {
        GuessLimits {
            sign_in_address: SlowRate::new(10, 30),
            sign_in_account: SlowRate::new(1, 10),
            join_address: SlowRate::new(20, 40),
            join_space: SlowRate::new(5, 10),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Per client address (IPv6: per /64, what one subscriber gets). Many
    /// learners may share one address (a France services room): generous.
    pub address: Rate,
    /// Per space: a restore of a full space is 40 pulls of 500, one burst.
    pub space: Rate,
    pub guesses: GuessLimits,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            address: Rate::new(50, 200),
            space: Rate::new(5, 60),
            guesses: GuessLimits::default(),
        }
    }
}

pub struct Limiter {
    by_address: DefaultKeyedRateLimiter<IpAddr>,
    by_space: DefaultKeyedRateLimiter<SpaceId>,
    sign_in_address: DefaultKeyedRateLimiter<IpAddr>,
    sign_in_account: DefaultKeyedRateLimiter<String>,
    join_address: DefaultKeyedRateLimiter<IpAddr>,
    join_space: DefaultKeyedRateLimiter<SpaceId>,
    clock: DefaultClock,
    checks: AtomicU32,
}

fn quota(rate: Rate) -> GovernorQuota {
    GovernorQuota::per_second(rate.per_second).allow_burst(rate.burst)
}

fn slow(rate: SlowRate) -> GovernorQuota {
    GovernorQuota::per_minute(rate.per_minute).allow_burst(rate.burst)
}

fn refused(
    until: governor::NotUntil<governor::clock::QuantaInstant>,
    clock: &DefaultClock,
) -> ApiError {
    ApiError::RateLimited {
        retry_after: until.wait_time_from(clock.now()),
    }
}

impl Limiter {
    pub fn new(rates: RateLimits) -> Limiter {
        Limiter {
            by_address: RateLimiter::keyed(quota(rates.address)),
            by_space: RateLimiter::keyed(quota(rates.space)),
            sign_in_address: RateLimiter::keyed(slow(rates.guesses.sign_in_address)),
            sign_in_account: RateLimiter::keyed(slow(rates.guesses.sign_in_account)),
            join_address: RateLimiter::keyed(slow(rates.guesses.join_address)),
            join_space: RateLimiter::keyed(slow(rates.guesses.join_space)),
            clock: DefaultClock::default(),
            checks: AtomicU32::new(0),
        }
    }

    pub fn check_address(&self, address: IpAddr) -> Result<(), ApiError> {
        self.housekeeping();
        self.by_address
            .check_key(&address_key(address))
            .map_err(|until| ApiError::RateLimited {
                retry_after: until.wait_time_from(self.clock.now()),
            })
    }

    pub fn check_space(&self, space: &SpaceId) -> Result<(), ApiError> {
        self.by_space
            .check_key(space)
            .map_err(|until| ApiError::RateLimited {
                retry_after: until.wait_time_from(self.clock.now()),
            })
    }

    /// A sign-in attempt: counted per address and per account (the address
    /// as typed, normalised), so neither one address trying many accounts
    /// nor many addresses trying one account get far.
    pub fn check_sign_in(&self, address: IpAddr, email: &str) -> Result<(), ApiError> {
        self.sign_in_address
            .check_key(&address_key(address))
            .map_err(|u| refused(u, &self.clock))?;
        self.sign_in_account
            .check_key(&email.to_string())
            .map_err(|u| refused(u, &self.clock))
    }

    /// A join-code attempt (preview or join), per address and per space.
    pub fn check_join(&self, address: IpAddr, space: &SpaceId) -> Result<(), ApiError> {
        self.join_address
            .check_key(&address_key(address))
            .map_err(|u| refused(u, &self.clock))?;
        self.join_space
            .check_key(space)
            .map_err(|u| refused(u, &self.clock))
    }

    /// Forgets the buckets that are full again, now and then, so memory
    /// follows the active clients, not every address ever seen.
    fn housekeeping(&self) {
        if self.checks.fetch_add(1, Ordering::Relaxed) % 4096 == 4095 {
            self.by_address.retain_recent();
            self.by_space.retain_recent();
            self.by_address.shrink_to_fit();
            self.by_space.shrink_to_fit();
            for limiter in [&self.sign_in_address, &self.join_address] {
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
            self.sign_in_account.retain_recent();
            self.sign_in_account.shrink_to_fit();
            self.join_space.retain_recent();
            self.join_space.shrink_to_fit();
        }
    }
}

/// The bucket an address counts in: IPv4 as is, IPv6 by its /64 prefix
/// (one subscriber's network, which it can fill with addresses at will).
pub fn address_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// The client's address: the TCP peer, or, only when a trusted proxy header
/// is configured, the address that proxy wrote last in it (the rightmost
/// entry: anything left of it came from the client and can be forged). A
/// missing or garbled header falls back to the peer, the proxy itself.
pub fn client_address(
    peer: Option<SocketAddr>,
    headers: &HeaderMap,
    trusted_header: Option<&HeaderName>,
) -> Option<IpAddr> {
    let from_proxy = trusted_header.and_then(|name| {
        let last = headers.get_all(name).iter().next_back()?;
        let entry = last.to_str().ok()?.rsplit(',').next()?.trim();
        entry
            .parse::<IpAddr>()
            .ok()
            .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
    });
    from_proxy.or(peer.map(|p| p.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn address_buckets() {
        for (address, key) in [
            ("192.0.2.7", "192.0.2.7"),
            ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::"),
            ("2001:db8:1:2::1", "2001:db8:1:2::"),
            ("::ffff:192.0.2.7", "192.0.2.7"),
        ] {
            assert_eq!(
                address_key(address.parse().unwrap()),
                key.parse::<IpAddr>().unwrap(),
                "{address}"
            );
        }
    }

    #[test]
    fn client_addresses() {
        let peer: SocketAddr = "10.0.0.1:5000".parse().unwrap();
        let xff = HeaderName::from_static("x-forwarded-for");
        let headers = |values: &[&str]| {
            let mut map = HeaderMap::new();
            for v in values {
                map.append(&xff, HeaderValue::from_str(v).unwrap());
            }
            map
        };
        // (header values, trusted?, expected)
        for (values, trusted, expected) in [
            (&[][..], false, Some("10.0.0.1")),
            (&["203.0.113.9"][..], false, Some("10.0.0.1")), // not trusted: ignored
            (&["203.0.113.9"][..], true, Some("203.0.113.9")),
            (&["1.1.1.1, 203.0.113.9"][..], true, Some("203.0.113.9")), // forged left part
            (&["1.1.1.1", "203.0.113.9"][..], true, Some("203.0.113.9")),
            (&["[2001:db8::1]:443"][..], true, Some("2001:db8::1")),
            (&["garbage"][..], true, Some("10.0.0.1")),
            (&[][..], true, Some("10.0.0.1")),
        ] {
            let trusted = trusted.then_some(&xff);
            assert_eq!(
                client_address(Some(peer), &headers(values), trusted),
                expected.map(|e| e.parse().unwrap()),
                "{values:?}"
            );
        }
        assert_eq!(client_address(None, &HeaderMap::new(), None), None);
    }

    #[test]
    fn buckets_refuse_past_the_burst_with_a_wait() {
        let limiter = Limiter::new(RateLimits {
            address: Rate::new(1, 2),
            space: Rate::new(1, 1),
            guesses: GuessLimits::default(),
        });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!(limiter.check_address(a).is_ok());
        assert!(limiter.check_address(a).is_ok());
        match limiter.check_address(a) {
            Err(ApiError::RateLimited { retry_after }) => {
                assert!(retry_after.as_secs_f64() <= 1.0, "{retry_after:?}")
            }
            other => panic!("{other:?}"),
        }
        assert!(
            limiter.check_address(b).is_ok(),
            "another address has its own bucket"
        );
        let space = SpaceId::from_bytes([1; 16]);
        assert!(limiter.check_space(&space).is_ok());
        assert!(limiter.check_space(&space).is_err());
        assert!(limiter.check_space(&SpaceId::from_bytes([2; 16])).is_ok());
    }
}
