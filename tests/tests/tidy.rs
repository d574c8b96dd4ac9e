//! Conventions that keep themselves, checked as tests (rust-analyzer's "tidy" tests): every
//! Rust file of the workspace opens with a `//!` comment saying what it is for, and every
//! file of a crate's `src/` is named in ARCHITECTURE.md's code map (by its name, or by the
//! folder it sits in, as `entity/`), so the map cannot fall behind the code unnoticed; and an
//! `#[allow(missing_docs)]` is only written where the lint is on, so it always says something;
//! and the chores `cargo xtask` runs are those the code map lists. (The gateway's and the
//! indexer's subcommands are held to ARCHITECTURE.md and README.md by unit tests of their
//! `config.rs`, which read clap's own description of the binary.)

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
        "search-contract",
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

/// The crates a manifest's `[dependencies]` section names (not its dev- or build-
/// dependencies), as written at the start of each line.
fn normal_dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside && !line.is_empty() && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once(['=', '.']) {
                names.push(name.trim().to_owned());
            }
        }
    }
    names
}

/// "Only `search-indexer` writes to Meilisearch" holds by construction (ARCHITECTURE.md,
/// invariants): the gateway and the portal read the search contract's crate, and neither
/// links the indexer (a dev-dependency, for tests that build an index, is fine).
#[test]
fn only_the_indexer_links_the_code_that_writes_to_meilisearch() {
    for krate in ["gateway", "web"] {
        let manifest = std::fs::read_to_string(root().join(krate).join("Cargo.toml"))
            .expect("the crate's manifest");
        let dependencies = normal_dependencies(&manifest);
        assert!(
            dependencies.contains(&"rial-schema".to_owned()),
            "{krate}: the manifest's dependencies are read: {dependencies:?}"
        );
        assert!(
            !dependencies.contains(&"search-indexer".to_owned()),
            "{krate} depends on search-indexer; use rial-search-contract"
        );
    }
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

/// The lint levels a line of code sets for `lint`: its attributes (`#[allow(…)]`,
/// `#![warn(…)]`, …) whose list names it, as `(inner, level)`. Comments are not code.
fn lint_levels(line: &str, lint: &str) -> Vec<(bool, String)> {
    let code = line.split("//").next().unwrap_or_default();
    let mut found = Vec::new();
    for (at, _) in code.match_indices('#') {
        let rest = &code[at + 1..];
        let (inner, rest) = match rest.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let Some(rest) = rest.strip_prefix('[') else {
            continue;
        };
        let Some((level, rest)) = rest.split_once('(') else {
            continue;
        };
        let list = rest.split(')').next().unwrap_or_default();
        if list.split(',').any(|name| name.trim() == lint) {
            found.push((inner, level.trim().to_owned()));
        }
    }
    found
}

/// Files of a crate's `src/` that allow (or expect) `missing_docs` although the crate root they
/// belong to (`lib.rs`, else `main.rs`; `main.rs` itself is the binary's root) does not turn
/// the lint on (`#![warn(missing_docs)]` or `deny`): there the allow is a no-op, documenting
/// nothing and hiding nothing, and it reads as if the lint were checked.
fn idle_missing_docs_allows(src: &Path) -> Vec<String> {
    let turns_on = |root: &Path| {
        std::fs::read_to_string(root)
            .unwrap_or_default()
            .lines()
            .flat_map(|line| lint_levels(line, "missing_docs"))
            .any(|(inner, level)| inner && matches!(level.as_str(), "warn" | "deny" | "forbid"))
    };
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut idle = Vec::new();
    for file in files {
        let crate_root = if file.ends_with("main.rs") && file.parent() == Some(src) {
            file.clone()
        } else if src.join("lib.rs").is_file() {
            src.join("lib.rs")
        } else {
            src.join("main.rs")
        };
        let code = std::fs::read_to_string(&file).expect("read a source file");
        let allows = code
            .lines()
            .flat_map(|line| lint_levels(line, "missing_docs"))
            .filter(|(_, level)| matches!(level.as_str(), "allow" | "expect"))
            .count();
        if allows > 0 && !turns_on(&crate_root) {
            idle.push(format!(
                "{} ({allows}; {} does not turn the lint on)",
                file.strip_prefix(root()).unwrap_or(&file).display(),
                crate_root.file_name().unwrap_or_default().to_string_lossy()
            ));
        }
    }
    idle
}

#[test]
fn missing_docs_is_allowed_only_where_the_lint_is_on() {
    let mut idle = Vec::new();
    for krate in crates() {
        idle.extend(idle_missing_docs_allows(&krate.join("src")));
    }
    assert!(
        idle.is_empty(),
        "`allow(missing_docs)` in a crate that does not warn of missing docs (turn the lint \
         on in its root and document what it flags, or drop the allow): {idle:#?}"
    );
}

#[test]
fn the_missing_docs_check_reads_attributes() {
    assert_eq!(
        lint_levels("#[allow(missing_docs)] // why", "missing_docs"),
        [(false, "allow".to_owned())]
    );
    assert_eq!(
        lint_levels("#![warn(unreachable_pub, missing_docs)]", "missing_docs"),
        [(true, "warn".to_owned())]
    );
    assert!(lint_levels("// #[allow(missing_docs)] in a comment", "missing_docs").is_empty());
    assert!(lint_levels("#[allow(missing_debug_implementations)]", "missing_docs").is_empty());
}

#[test]
fn the_xtask_commands_documented_are_those_it_runs() {
    // `xtask/src/main.rs` dispatches on the first argument, one `Some("name") =>` arm each.
    let main = std::fs::read_to_string(root().join("xtask/src/main.rs")).expect("xtask's main");
    let mut runs: Vec<&str> = main
        .lines()
        .filter_map(|line| line.trim().strip_prefix("Some(\""))
        .filter_map(|rest| rest.split_once("\") =>").map(|(name, _)| name))
        .collect();
    runs.sort();
    assert!(runs.len() >= 8, "read the dispatch: {runs:?}");
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let line = map
        .split("`cargo xtask ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .expect("ARCHITECTURE.md names `cargo xtask …`");
    let mut documented: Vec<&str> = line.split(" | ").collect();
    documented.sort();
    assert_eq!(documented, runs, "ARCHITECTURE.md's `xtask/` entry");
}

/// The module a file of `src/` is (`graphql/mod.rs` is `graphql`, `lib.rs` the crate root ``).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The modules of `modules` that the code (not the comments, not the tests) of `module` names
/// through `crate::…`, `super::…` or `self::…` paths, `use` lines and inline paths alike; a
/// module's own submodules are not dependencies of it, its parent is.
fn dependencies(
    module: &str,
    code: &str,
    modules: &std::collections::BTreeSet<String>,
) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or_default();
    let here: Vec<&str> = if module.is_empty() {
        vec![]
    } else {
        module.split("::").collect()
    };
    let resolve = |path: &[&str]| -> Option<String> {
        let (mut base, mut rest): (Vec<&str>, &[&str]) = match path.first() {
            Some(&"crate") => (vec![], &path[1..]),
            Some(&"self") => (here.clone(), &path[1..]),
            Some(&"super") => (here[..here.len().saturating_sub(1)].to_vec(), &path[1..]),
            _ => return None,
        };
        while rest.first() == Some(&"super") {
            base.pop();
            rest = &rest[1..];
        }
        // The longest prefix that is a module of the crate.
        (0..=rest.len()).rev().find_map(|take| {
            let mut candidate = base.clone();
            candidate.extend_from_slice(&rest[..take]);
            let name = candidate.join("::");
            modules.contains(&name).then_some(name)
        })
    };
    let mut found = std::collections::BTreeSet::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        // Each path that starts at crate, super or self, with the `{a, b}` groups of `use`
        // lines expanded one level.
        let bytes: Vec<char> = line.chars().collect();
        let mut at = 0;
        while at < bytes.len() {
            let starts_word = at == 0
                || !(bytes[at - 1].is_alphanumeric()
                    || bytes[at - 1] == '_'
                    || bytes[at - 1] == ':');
            let rest: String = bytes[at..].iter().collect();
            let root = ["crate::", "super::", "self::"]
                .into_iter()
                .find(|root| rest.starts_with(root));
            if let (true, Some(_)) = (starts_word, root) {
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
                let group = path.ends_with("::") && rest[path.len()..].starts_with('{');
                // `use super::{a, b}` names a and b, not the parent as a whole.
                let mut targets = if group {
                    vec![]
                } else {
                    vec![resolve(&segments)]
                };
                if group {
                    let group: String = rest[path.len() + 1..]
                        .chars()
                        .take_while(|c| *c != '}')
                        .collect();
                    for item in group.split(',') {
                        let first = item
                            .trim()
                            .split("::")
                            .next()
                            .unwrap_or_default()
                            .to_owned();
                        if !first.is_empty() {
                            let mut with = segments.clone();
                            with.push(&first);
                            targets.push(resolve(&with).map(|m| m.to_owned()));
                        }
                    }
                }
                for target in targets.into_iter().flatten() {
                    // Every module is the crate root's own child.
                    let own_child = module.is_empty() || target.starts_with(&format!("{module}::"));
                    if target != module && !own_child {
                        found.insert(target);
                    }
                }
                at += path.len().max(1);
            } else {
                at += 1;
            }
        }
    }
    found.into_iter().collect()
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    // Modules depend one way (ARCHITECTURE.md): a cycle is two modules that can only be
    // understood, tested and changed together. Checked in every crate, from the paths its
    // code names.
    for krate in crates() {
        let src = krate.join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let modules: std::collections::BTreeSet<String> =
            files.iter().map(|file| module_of(&src, file)).collect();
        let mut edges = std::collections::BTreeMap::new();
        for file in &files {
            let module = module_of(&src, file);
            let code = std::fs::read_to_string(file).expect("read a source file");
            edges
                .entry(module.clone())
                .or_insert_with(Vec::new)
                .extend(dependencies(&module, &code, &modules));
        }
        // A cycle: a module reachable from one of its own dependencies.
        let reaches = |from: &str, to: &str| {
            let mut seen = std::collections::BTreeSet::new();
            let mut stack = vec![from.to_owned()];
            while let Some(next) = stack.pop() {
                if next == to {
                    return true;
                }
                if seen.insert(next.clone()) {
                    stack.extend(edges.get(&next).into_iter().flatten().cloned());
                }
            }
            false
        };
        let mut cycles = Vec::new();
        for (module, deps) in &edges {
            // SeaORM's entities name each other by design (a relation and its `Related`
            // impl on both sides); they hold no logic.
            if module.starts_with("entity::") {
                continue;
            }
            for dep in deps {
                if reaches(dep, module) {
                    cycles.push(format!("{module} → {dep} → … → {module}"));
                }
            }
        }
        assert!(
            cycles.is_empty(),
            "{}: import cycles:\n{}",
            krate.display(),
            cycles.join("\n")
        );
    }
}

#[test]
fn the_cycle_check_sees_use_lines_and_inline_paths() {
    // The check above is only as good as its reading of paths: it must see a cycle.
    let modules: std::collections::BTreeSet<String> = [
        "",
        "auth",
        "error",
        "graphql",
        "graphql::enums",
        "graphql::query",
        "graphql::types",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(
        dependencies("graphql::types", "use super::{query::audience, enums};\nlet x = crate::auth::Audience::of(None);\n// crate::error in a comment", &modules),
        ["auth", "graphql::enums", "graphql::query"]
    );
    assert_eq!(
        dependencies(
            "graphql::query",
            "use super::types::*;\n#[cfg(test)]\nmod tests { use crate::error::ApiError; }",
            &modules
        ),
        ["graphql::types"]
    );
    assert_eq!(
        dependencies(
            "graphql",
            "pub mod query;\nuse crate::error::ApiError;\nuse self::query::Query;",
            &modules
        ),
        ["error"]
    );
}

/// The gateway's object types resolve through its own executor (`graphql/engine.rs`, which
/// says why): each `#[Object]` and `#[derive(SimpleObject)]` names it as its crate, so a new
/// type cannot silently take async-graphql's slower path. And that executor does not run
/// async-graphql's extensions, so the gateway registers none.
#[test]
fn every_object_type_resolves_through_the_gateways_executor() {
    const ENGINE: &str = r#"crate = "crate::graphql::engine""#;
    let mut files = Vec::new();
    rust_files(&root().join("gateway/src"), &mut files);
    let mut strays = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable");
        let lines: Vec<&str> = text.lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let line = line.trim();
            let place = format!("{}:{}", file.display(), index + 1);
            if line.starts_with("#[Object") && !line.contains(ENGINE) {
                strays.push(place);
            } else if line.starts_with("#[derive(") && line.contains("SimpleObject") {
                let attribute = lines.get(index + 1).map(|next| next.trim()).unwrap_or("");
                if !(attribute.starts_with("#[graphql(") && attribute.contains(ENGINE)) {
                    strays.push(place);
                }
            } else if line.contains(".extension(")
                && !line.contains(".extension()")
                && !line.starts_with("//")
            {
                strays.push(format!("{place} (an extension)"));
            }
        }
    }
    assert!(
        strays.is_empty(),
        "object types off the gateway's executor, or extensions it would skip: {strays:#?}"
    );
}
