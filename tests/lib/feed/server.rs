//! A small HTTP server on 127.0.0.1 for the feed tests, with hostile modes: huge, truncated and
//! slow bodies, error statuses. It logs what each request asked and how much body it got sent.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone)]
pub enum Reply {
    /// The file, with an ETag; a matching If-None-Match gets 304.
    File(Vec<u8>),
    Status(u16),
    /// 50 MB of body, with or without a Content-Length.
    Huge {
        declared: bool,
    },
    /// Declares the whole length, sends half, closes.
    Truncated(Vec<u8>),
    /// Sends nothing for this long.
    SlowHeaders(Duration),
    /// Sends the headers and a little of the body, then stalls.
    SlowBody(Vec<u8>, Duration),
}

#[derive(Clone, Debug)]
pub struct Logged {
    /// Arrival order: a request is logged once answered, and answers can finish out of order.
    pub seq: u64,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub status: u16,
    pub body_bytes: u64,
}

impl Logged {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Clone)]
pub struct Server {
    port: u16,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    log: Arc<Mutex<Vec<Logged>>>,
    arrivals: Arc<std::sync::atomic::AtomicU64>,
}

pub fn etag(body: &[u8]) -> String {
    let hash = body.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    format!("\"{hash:016x}\"")
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let server = Server {
            port: listener.local_addr().unwrap().port(),
            routes: Arc::default(),
            log: Arc::default(),
            arrivals: Arc::default(),
        };
        let handle = server.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let handle = handle.clone();
                std::thread::spawn(move || handle.answer(stream));
            }
        });
        server
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/town/feed.json", self.port)
    }

    pub fn set(&self, path: &str, reply: Reply) {
        self.routes.lock().unwrap().insert(path.to_owned(), reply);
    }

    /// Serves a signed feed (or an unsigned one when `signature` is `None`).
    pub fn publish(&self, bytes: Vec<u8>, signature: Option<Vec<u8>>) {
        self.set("/town/feed.json", Reply::File(bytes));
        match signature {
            Some(s) => self.set("/town/feed.json.minisig", Reply::File(s)),
            None => self.set("/town/feed.json.minisig", Reply::Status(404)),
        }
    }

    /// What was asked so far, in the order it arrived (waiting briefly for requests still being
    /// answered).
    pub fn take_log(&self) -> Vec<Logged> {
        std::thread::sleep(Duration::from_millis(50));
        let mut log = std::mem::take(&mut *self.log.lock().unwrap());
        log.sort_by_key(|l| l.seq);
        log
    }

    fn answer(&self, mut stream: TcpStream) {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let seq = self
            .arrivals
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                break;
            }
            if let Some((n, v)) = h.split_once(':') {
                headers.push((n.trim().to_ascii_lowercase(), v.trim().to_owned()));
            }
        }
        let reply = self
            .routes
            .lock()
            .unwrap()
            .get(&path)
            .cloned()
            .unwrap_or(Reply::Status(404));
        let mut sent = 0u64;
        let write = |stream: &mut TcpStream, bytes: &[u8], sent: &mut u64| -> bool {
            match stream.write_all(bytes) {
                Ok(()) => {
                    *sent += bytes.len() as u64;
                    true
                }
                Err(_) => false,
            }
        };
        let status = match reply {
            Reply::File(body) => {
                let tag = etag(&body);
                let matches = headers
                    .iter()
                    .any(|(n, v)| n == "if-none-match" && *v == tag);
                if matches {
                    let head = format!(
                        "HTTP/1.1 304 Not Modified\r\nETag: {tag}\r\nConnection: close\r\n\r\n"
                    );
                    write(&mut stream, head.as_bytes(), &mut 0);
                    304
                } else {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nETag: {tag}\r\nLast-Modified: Wed, 25 Nov 2026 00:00:00 GMT\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    write(&mut stream, head.as_bytes(), &mut 0);
                    write(&mut stream, &body, &mut sent);
                    200
                }
            }
            Reply::Status(code) => {
                let head = format!(
                    "HTTP/1.1 {code} Oops\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
                write(&mut stream, head.as_bytes(), &mut 0);
                code
            }
            Reply::Huge { declared } => {
                let total = 50u64 * 1024 * 1024;
                let length = if declared {
                    format!("Content-Length: {total}\r\n")
                } else {
                    String::new()
                };
                let head = format!("HTTP/1.1 200 OK\r\n{length}Connection: close\r\n\r\n");
                write(&mut stream, head.as_bytes(), &mut 0);
                let chunk = vec![b' '; 64 * 1024];
                while sent < total && write(&mut stream, &chunk, &mut sent) {}
                200
            }
            Reply::Truncated(body) => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                write(&mut stream, head.as_bytes(), &mut 0);
                write(&mut stream, &body[..body.len() / 2], &mut sent);
                200
            }
            Reply::SlowHeaders(delay) => {
                std::thread::sleep(delay);
                let head = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
                write(&mut stream, head.as_bytes(), &mut 0);
                200
            }
            Reply::SlowBody(body, delay) => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                write(&mut stream, head.as_bytes(), &mut 0);
                write(&mut stream, &body[..10], &mut sent);
                let _ = stream.flush();
                std::thread::sleep(delay);
                write(&mut stream, &body[10..], &mut sent);
                200
            }
        };
        let _ = stream.flush();
        self.log.lock().unwrap().push(Logged {
            seq,
            path,
            headers,
            status,
            body_bytes: sent,
        });
    }
}
