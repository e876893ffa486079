//! One polite HTTP client: a user agent naming byline, a timeout on every request, a size limit
//! on every body, and conditional requests so an unchanged feed costs the server nothing.

use std::time::Duration;

/// The validators a server gave for a feed, sent back on the next fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

#[derive(Debug)]
pub enum Got {
    /// `304 Not Modified`: nothing new since the validators were given.
    Unchanged,
    Body {
        bytes: Vec<u8>,
        validators: Validators,
    },
}

pub struct Client {
    agent: ureq::Agent,
    limit: u64,
}

impl Client {
    pub fn new(timeout: Duration, limit: u64) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .user_agent(concat!("byline/", env!("CARGO_PKG_VERSION"), " (terminal news reader)"))
            .http_status_as_error(false)
            .max_redirects(5)
            .build();
        Client { agent: config.into(), limit }
    }

    /// The body at `url`, or why not, in words a reader of the summary understands.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Got, String> {
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| describe(&e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Got::Unchanged);
        }
        if !(200..300).contains(&status) {
            let reason = response.status().canonical_reason().unwrap_or("");
            return Err(format!("the server answered {status} {reason}").trim_end().to_string());
        }
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let bytes = response.body_mut().with_config().limit(self.limit).read_to_vec().map_err(|e| describe(&e))?;
        Ok(Got::Body { bytes, validators })
    }
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no answer in time (timed out)".to_string(),
        ureq::Error::BodyExceedsLimit(limit) => format!("too large: over {} MiB", limit / 1024 / 1024),
        ureq::Error::TooManyRedirects => "too many redirects".to_string(),
        ureq::Error::HostNotFound => "no such host".to_string(),
        ureq::Error::ConnectionFailed => "could not connect".to_string(),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => "connection refused".to_string(),
        ureq::Error::Io(io) if io.to_string().contains("lookup address") => "no such host".to_string(),
        ureq::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}
