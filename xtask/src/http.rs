//! The chores' HTTP client: one blocking request at a time to servers on loopback
//! (the gateway, Meilisearch), with time-outs, any status returned rather than raised.

use std::time::Duration;

use anyhow::{Context, Result};

/// A request's answer: status and body.
pub type Answer = (u16, String);

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build(),
    )
}

/// `GET url`, authorised by `bearer` when given.
pub fn get(url: &str, bearer: Option<&str>, timeout: Duration) -> Result<Answer> {
    let mut request = agent(timeout).get(url);
    if let Some(token) = bearer {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    let response = request.call().with_context(|| format!("GET {url}"))?;
    answer(response, "GET", url)
}

/// `GET url` with one extra `header`; returns the status and the answer's header `name`.
pub fn get_header(
    url: &str,
    header: Option<(&str, &str)>,
    name: &str,
    timeout: Duration,
) -> Result<(u16, Option<String>)> {
    let mut request = agent(timeout).get(url);
    if let Some((header, value)) = header {
        request = request.header(header, value);
    }
    let response = request.call().with_context(|| format!("GET {url}"))?;
    let value = response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    Ok((response.status().as_u16(), value))
}

/// Status and body (up to 1 GiB: index exports are large) of a response.
fn answer(
    mut response: ureq::http::Response<ureq::Body>,
    method: &str,
    url: &str,
) -> Result<Answer> {
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(1 << 30)
        .read_to_string()
        .with_context(|| format!("reading the answer to {method} {url}"))?;
    Ok((status, body))
}

/// `method url` with a body of `content_type`, authorised by `bearer` when given.
pub fn send(
    method: &str,
    url: &str,
    bearer: Option<&str>,
    content_type: &str,
    body: &[u8],
    timeout: Duration,
) -> Result<Answer> {
    let agent = agent(timeout);
    let mut request = match method {
        "POST" => agent.post(url),
        "PUT" => agent.put(url),
        "PATCH" => agent.patch(url),
        other => anyhow::bail!("unsupported method {other}"),
    }
    .header("Content-Type", content_type);
    if let Some(token) = bearer {
        request = request.header("Authorization", format!("Bearer {token}"));
    }
    let response = request
        .send(body)
        .with_context(|| format!("{method} {url}"))?;
    answer(response, method, url)
}
