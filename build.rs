//! Rebuilds when the catalogue changes (include_dir alone does not notice new files) and fails the
//! build on a message whose front matter cannot be read.

#[path = "src/catalogue/front_matter.rs"]
#[allow(dead_code)]
mod front_matter;

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-env-changed=TSUNAGU_TOWN");
    let root = Path::new("content/messages");
    let Ok(locales) = fs::read_dir(root) else {
        return;
    };
    for locale in locales.flatten().filter(|e| e.path().is_dir()) {
        for file in fs::read_dir(locale.path())
            .expect("readable locale folder")
            .flatten()
        {
            let path = file.path();
            let is_message = path.extension().is_some_and(|e| e == "md")
                && path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(['p', 'b', 'y']));
            if !is_message {
                continue;
            }
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            if let Err(e) = front_matter::split(&text) {
                panic!("{}: bad front matter: {e}", path.display());
            }
        }
    }
}
