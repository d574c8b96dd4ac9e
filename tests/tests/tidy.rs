//! Conventions that keep themselves, checked as tests (rust-analyzer's "tidy" tests): every
//! Rust file of the workspace opens with a `//!` comment saying what it is for, and every
//! file of a crate's `src/` is named in ARCHITECTURE.md's code map (by its name, or by the
//! folder it sits in, as `entity/`), so the map cannot fall behind the code unnoticed.

use std::path::{Path, PathBuf};

/// The workspace's root (this crate is `tests/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace")
        .to_path_buf()
}

/// Every `.rs` file under `dir`, but for build output and npm folders.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "node_modules" | ".git") {
                rust_files(&path, found);
            }
        } else if name.ends_with(".rs") {
            found.push(path);
        }
    }
}

fn crates() -> Vec<PathBuf> {
    [
        "schema",
        "server",
        "gateway",
        "search-indexer",
        "web",
        "tests",
        "xtask",
    ]
    .iter()
    .map(|name| root().join(name))
    .collect()
}

#[test]
fn every_rust_file_says_what_it_is_for() {
    let mut files = Vec::new();
    for krate in crates() {
        rust_files(&krate, &mut files);
    }
    assert!(files.len() > 50, "found the sources: {}", files.len());
    let missing: Vec<String> = files
        .iter()
        .filter(|file| {
            !std::fs::read_to_string(file)
                .unwrap_or_default()
                .starts_with("//!")
        })
        .map(|file| {
            file.strip_prefix(root())
                .unwrap_or(file)
                .display()
                .to_string()
        })
        .collect();
    assert!(
        missing.is_empty(),
        "files without a `//!` opening: {missing:#?}"
    );
}

#[test]
fn every_source_file_is_in_the_code_map() {
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut missing = Vec::new();
    for krate in crates() {
        let mut files = Vec::new();
        rust_files(&krate.join("src"), &mut files);
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let folder = file
                .parent()
                .and_then(Path::file_name)
                .map(|folder| format!("`{}/", folder.to_string_lossy()))
                .unwrap_or_default();
            // `main.rs` of a binary is its crate's entry; the map names the crate.
            let named = name == "main.rs"
                || map.contains(&format!("`{name}`"))
                || map.contains(&format!("/{name}`"))
                || map.contains(&format!("({name}"))
                || (folder != "`src/" && map.contains(&folder));
            if !named {
                missing.push(
                    file.strip_prefix(root())
                        .unwrap_or(&file)
                        .display()
                        .to_string(),
                );
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in ARCHITECTURE.md's code map: {missing:#?}"
    );
}
