// The first screen's data. Inside the app, the shell answers this request with it
// (src-tauri/src/api/start.rs); in a plain browser, or when the shell has none, nothing is set and
// the page asks for what it needs.
