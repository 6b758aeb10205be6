//! The HTTP side of a sync, with ureq (rustls): a conditional GET of the feed, then its detached
//! signature, and nothing else. Timeouts on connecting and on every read, a size cap checked
//! against `Content-Length` before reading and enforced while reading, no redirects, no cookies,
//! and no header that says anything about the device or the family beyond a generic User-Agent.

use std::io::ErrorKind;
use std::time::Duration;

use ureq::Agent;
use ureq::http::StatusCode;

use crate::error::{Error, Result};

pub use super::format::MAX_FEED_BYTES;
/// The largest signature file accepted (a real one is about 300 bytes).
pub const MAX_SIGNATURE_BYTES: u64 = 4 * 1024;
/// The same for every install: it says which program asks, nothing about who.
pub const USER_AGENT: &str = "tsunagu-feed/1";

/// Limits of one fetch.
#[derive(Clone, Debug)]
pub struct FetchConfig {
    pub connect_timeout: Duration,
    /// For the response headers and for each read of the body.
    pub read_timeout: Duration,
    /// For the whole of one request.
    pub total_timeout: Duration,
    pub max_bytes: u64,
}

impl Default for FetchConfig {
    fn default() -> FetchConfig {
        FetchConfig {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(15),
            total_timeout: Duration::from_secs(60),
            max_bytes: MAX_FEED_BYTES,
        }
    }
}

/// The HTTP validators of the feed last applied, for a conditional GET.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What the server had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetched {
    /// 304: the feed has not changed; no body was transferred and the signature was not asked for.
    NotModified,
    /// The feed's bytes and its signature, not yet checked.
    Changed {
        feed: Vec<u8>,
        signature: Vec<u8>,
        validators: Validators,
    },
}

/// Whether the app may fetch from `url`: https, or plain http to this machine only (for
/// `tsunagu feed serve`). The address is parsed as a URL, so user-info that would hide the
/// real host (`http://127.0.0.1:80@elsewhere/`) is refused, as is any address the parser
/// would rewrite, a fragment, or a missing host.
pub fn is_allowed_feed_url(url: &str) -> bool {
    let Ok(parsed) = url::Url::parse(url) else {
        return false;
    };
    if !parsed.username().is_empty()
        || parsed.password().is_some()
        || parsed.fragment().is_some()
        || parsed.as_str() != url
    {
        return false;
    }
    match (parsed.scheme(), parsed.host()) {
        ("https", Some(url::Host::Domain(_) | url::Host::Ipv4(_) | url::Host::Ipv6(_))) => true,
        ("http", Some(url::Host::Domain("localhost"))) => true,
        ("http", Some(url::Host::Ipv4(ip))) => ip.is_loopback() && ip.octets() == [127, 0, 0, 1],
        ("http", Some(url::Host::Ipv6(ip))) => ip.is_loopback(),
        _ => false,
    }
}

/// The address of the detached signature: the feed's address with `.minisig` added to its path.
pub fn signature_url(feed_url: &str) -> String {
    match feed_url.find(['?', '#']) {
        Some(i) => format!("{}.minisig{}", &feed_url[..i], &feed_url[i..]),
        None => format!("{feed_url}.minisig"),
    }
}

fn agent(config: &FetchConfig) -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .user_agent(USER_AGENT)
        .accept("application/feed+json, application/json;q=0.9, */*;q=0.1")
        .timeout_connect(Some(config.connect_timeout))
        .timeout_recv_response(Some(config.read_timeout))
        .timeout_per_read(Some(config.read_timeout))
        .timeout_global(Some(config.total_timeout))
        .max_idle_connections(0)
        .build()
        .new_agent()
}

fn network_error(e: ureq::Error) -> Error {
    match e {
        ureq::Error::Timeout(_) => Error::FeedTimeout,
        ureq::Error::BodyExceedsLimit(max) => Error::FeedTooLarge { max },
        ureq::Error::Io(io) => match io.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => Error::FeedTimeout,
            ErrorKind::UnexpectedEof => Error::FeedTruncated,
            _ => Error::FeedNetwork(io.to_string()),
        },
        other => Error::FeedNetwork(other.to_string()),
    }
}

/// Reads a body of at most `max` bytes: refused from `Content-Length` before reading, and cut off
/// while reading when the server sends more than it said (or said nothing).
fn read_capped(
    response: &mut ureq::http::Response<ureq::Body>,
    max: u64,
    too_large: Error,
) -> Result<Vec<u8>> {
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(too_large);
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(max)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => too_large,
            other => network_error(other),
        })?;
    if declared.is_some_and(|n| n != bytes.len() as u64) {
        return Err(Error::FeedTruncated);
    }
    Ok(bytes)
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Fetches the feed at `url` (conditionally, with the validators of the feed held) and, when it
/// changed, its signature. Blocking: call it off the UI thread.
pub fn fetch(url: &str, held: &Validators, config: &FetchConfig) -> Result<Fetched> {
    if !is_allowed_feed_url(url) {
        return Err(Error::FeedInsecureUrl(url.chars().take(200).collect()));
    }
    let agent = agent(config);
    let mut request = agent.get(url);
    if let Some(etag) = &held.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(date) = &held.last_modified {
        request = request.header("If-Modified-Since", date);
    }
    let mut response = request.call().map_err(network_error)?;
    match response.status() {
        StatusCode::NOT_MODIFIED => return Ok(Fetched::NotModified),
        StatusCode::OK => {}
        status => return Err(Error::FeedHttp(status.as_u16())),
    }
    let validators = Validators {
        etag: header(&response, "etag"),
        last_modified: header(&response, "last-modified"),
    };
    let feed = read_capped(
        &mut response,
        config.max_bytes,
        Error::FeedTooLarge {
            max: config.max_bytes,
        },
    )?;
    drop(response);
    let mut response = agent
        .get(&signature_url(url))
        .call()
        .map_err(network_error)?;
    match response.status() {
        StatusCode::OK => {}
        StatusCode::NOT_FOUND | StatusCode::GONE => return Err(Error::FeedUnsigned),
        status => return Err(Error::FeedHttp(status.as_u16())),
    }
    let signature = read_capped(&mut response, MAX_SIGNATURE_BYTES, Error::FeedUnsigned)?;
    Ok(Fetched::Changed {
        feed,
        signature,
        validators,
    })
}
