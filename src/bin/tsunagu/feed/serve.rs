//! `tsunagu feed serve`: a small static file server on this machine for trying a build against a
//! draft feed. GET and HEAD, with an ETag (FNV-1a of the bytes) and Last-Modified, answering 304 to
//! a matching If-None-Match or If-Modified-Since, as a town's web host would.

use std::io::{BufRead, BufReader, Read};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, UNIX_EPOCH};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::*;

/// Serves `dir` on 127.0.0.1:`port` until stopped, logging each request: its line and status,
/// then every header it carried, indented (so a town, or a test, sees exactly what an app sends).
pub(super) fn serve(dir: &Path, port: u16, t: &I18n) -> Result<ExitCode> {
    let root = dir.canonicalize().map_err(io_error(dir))?;
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(io_error(dir))?;
    let port = listener.local_addr().map_err(io_error(dir))?.port();
    let args = [
        ("url", format!("http://127.0.0.1:{port}/").into()),
        ("dir", root.display().to_string().into()),
    ];
    println!("{}", t.t_args("feed-serve-listening", &args));
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        std::thread::spawn(move || {
            if let Some(logged) = respond(stream, &root) {
                let mut entry = format!("{} {} {}", logged.method, logged.path, logged.status);
                for (name, value) in &logged.headers {
                    entry.push_str(&format!("\n  {name}: {value}"));
                }
                // One write per request, so that concurrent requests never interleave lines.
                println!("{entry}");
            }
        });
    }
    Ok(ExitCode::SUCCESS)
}

/// A 64-bit FNV-1a hash: a strong enough ETag for files a town edits by hand.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

const HTTP_DATE: &str = "%a, %d %b %Y %H:%M:%S GMT";

/// What one request is logged as.
struct Logged {
    method: String,
    path: String,
    status: u16,
    headers: Vec<(String, String)>,
}

/// Answers one request; returns what to log.
fn respond(stream: TcpStream, root: &Path) -> Option<Logged> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?.take(16 * 1024));
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let (mut if_none_match, mut if_modified_since) = (None, None);
    let mut received = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            received.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            match name.trim().to_ascii_lowercase().as_str() {
                "if-none-match" => if_none_match = Some(value.trim().to_owned()),
                "if-modified-since" => if_modified_since = Some(value.trim().to_owned()),
                _ => {}
            }
        }
    }
    let path = target.split(['?', '#']).next().unwrap_or("").to_owned();
    let file = resolve(root, &path);
    let mut stream = stream;
    let status = match (&*method, file) {
        ("GET" | "HEAD", Some(file)) => {
            let body = std::fs::read(&file).ok();
            let modified = std::fs::metadata(&file).and_then(|m| m.modified()).ok();
            match body {
                None => send(&mut stream, 404, &[], b"not found\n", false),
                Some(body) => {
                    let etag = format!("\"{:016x}\"", fnv(&body));
                    let modified: Option<DateTime<Utc>> = modified
                        .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
                        .and_then(|d| DateTime::from_timestamp(d.as_secs() as i64, 0));
                    let last_modified = modified.map(|m| m.format(HTTP_DATE).to_string());
                    let unchanged = match (&if_none_match, &if_modified_since) {
                        (Some(tags), _) => tags.split(',').any(|tag| {
                            tag.trim().trim_start_matches("W/") == etag || tag.trim() == "*"
                        }),
                        (None, Some(since)) => NaiveDateTime::parse_from_str(since, HTTP_DATE)
                            .ok()
                            .zip(modified)
                            .is_some_and(|(since, m)| m.naive_utc() <= since),
                        (None, None) => false,
                    };
                    let mut headers = vec![("ETag", etag), ("Cache-Control", "no-cache".into())];
                    if let Some(lm) = last_modified {
                        headers.push(("Last-Modified", lm));
                    }
                    if unchanged {
                        send(&mut stream, 304, &headers, b"", true)
                    } else {
                        headers.push(("Content-Type", content_type(&file).into()));
                        send(&mut stream, 200, &headers, &body, method == "HEAD")
                    }
                }
            }
        }
        ("GET" | "HEAD", None) => send(&mut stream, 404, &[], b"not found\n", method == "HEAD"),
        _ => send(
            &mut stream,
            405,
            &[("Allow", "GET, HEAD".into())],
            b"",
            true,
        ),
    };
    Some(Logged {
        method,
        path,
        status,
        headers: received,
    })
}

/// The file under `root` a request path names: no `..`, no hidden files, nothing outside.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = path.strip_prefix('/')?;
    let ok = !relative.is_empty()
        && relative.split('/').all(|seg| {
            !seg.is_empty() && !seg.starts_with('.') && !seg.contains(['\\', '%', '\0'])
        });
    if !ok {
        return None;
    }
    let file = root.join(relative).canonicalize().ok()?;
    (file.starts_with(root) && file.is_file()).then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("json") => "application/feed+json",
        Some("minisig" | "txt" | "pub") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn send(
    stream: &mut TcpStream,
    status: u16,
    headers: &[(&str, String)],
    body: &[u8],
    no_body: bool,
) -> u16 {
    let reason = match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    let mut head = format!("HTTP/1.1 {status} {reason}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    if !no_body && status != 304 {
        let _ = stream.write_all(body);
    }
    let _ = stream.flush();
    status
}
